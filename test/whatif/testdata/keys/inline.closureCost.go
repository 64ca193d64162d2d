// whatif: --set inline.closureCost=80
// flips: - :6:6: can inline adder with cost 17 as: func(int) func(int) int { return func literal }
package p

// A function literal costs 15 beyond its node: a function returning one stays inlinable.
func adder(x int) func(int) int {
	return func(y int) int { return x + y }
}
