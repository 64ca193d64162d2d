// The capacity decides, not the length.
package p

func capDecides() int {
	a := make([]byte, 10, 100000)
	b := make([]byte, 100000, 100000)
	return len(a) + len(b)
}
