// Allocations inside a callee that do not leave the callee.
package p

func scratch(n int) int {
	tmp := make([]int, 16)
	tmp[0] = n
	return tmp[0]
}

func outer() int {
	return scratch(3)
}
