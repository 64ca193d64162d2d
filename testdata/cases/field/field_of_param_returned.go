// Returning a pointer field of a pointer parameter leaks the parameter's content.
package p

type node struct {
	next *node
	v    int
}

func nextOf(n *node) *node {
	return n.next
}
