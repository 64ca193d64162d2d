// A non-constant size whose slice is returned goes to the heap.
package p

func dynamicReturned(n int) []int {
	return make([]int, n)
}
