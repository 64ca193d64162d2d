// whatif: --set inline.paramCallCost=57
// flips: - :7:6: can inline twice with cost 44 as: func(func(int) int, int) int { return f(x) + f(x + 1) }
package p

// Calling a parameter costs 17, not 57: after inlining, f may be a known function whose
// own call then inlines. At the full call cost the body is over budget.
func twice(f func(int) int, x int) int {
	return f(x) + f(x+1)
}
