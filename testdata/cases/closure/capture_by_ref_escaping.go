// A returned closure that modifies a captured variable moves the variable to the heap.
package p

func makeCounter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}
