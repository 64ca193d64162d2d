// //go:noescape with several pointer parameters and a result.
package p

//go:noescape
func compare(a, b *[32]byte) int

func same() int {
	var x, y [32]byte
	return compare(&x, &y)
}
