// new of exactly 64 KiB stays on the stack; one byte more goes to the heap.
package p

func newEdge() byte {
	a := new([64 * 1024]byte)
	b := new([64*1024 + 1]byte)
	return a[0] + b[0]
}
