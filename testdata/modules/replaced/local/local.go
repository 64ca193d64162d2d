// Package local is a module replaced by a directory.
package local

// Sum keeps its operands on the stack.
func Sum(a, b int) int {
	xs := []int{a, b}
	return xs[0] + xs[1]
}

// Ptr escapes.
func Ptr() *int { n := 5; return &n }
