// &T{} returned to the caller is allocated on the heap.
package p

type node struct {
	val  int
	next *node
}

func newNode(v int) *node {
	return &node{val: v}
}
