// A large array parameter is passed on the stack whatever its size.
package p

func takeBig(a [40000]int) int {
	return a[0]
}
