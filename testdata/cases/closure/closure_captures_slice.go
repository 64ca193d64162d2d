// A captured slice header: the closure stays local, the slice is not copied to the heap.
package p

func sumWith(xs []int) int {
	total := 0
	each := func(f func(int)) {
		for _, x := range xs {
			f(x)
		}
	}
	each(func(x int) { total += x })
	return total
}
