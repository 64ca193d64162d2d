// Nested closures called at once leave no heap allocation.
package p

func nested(a int) int {
	return func(b int) int {
		return func(c int) int { return a + b + c }(1)
	}(2)
}
