// A closure whose captured variables exceed 64 KiB is too large for the stack.
package p

func largeClosure() int {
	var arr [9000]int
	arr[0] = 1
	f := func() int { return arr[0] + len(arr) }
	return f()
}
