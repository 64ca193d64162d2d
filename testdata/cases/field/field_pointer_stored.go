// Storing a pointer into a field of a pointer parameter leaks it.
package p

type node struct{ next *node }

func link(a, b *node) {
	a.next = b
}
