// Returning the address of a local moves it to the heap.
package p

func newInt() *int {
	n := 0
	return &n
}
