// Article example 2: the address of a local is returned, so the local moves to the heap.
package p

func escapeToHeap() *int {
	x := 42
	return &x
}
