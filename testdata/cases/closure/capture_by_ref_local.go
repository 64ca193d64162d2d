// A captured variable that is modified is captured by reference; local use stays on the stack.
package p

func counter() int {
	n := 0
	inc := func() { n++ }
	inc()
	inc()
	return n
}
