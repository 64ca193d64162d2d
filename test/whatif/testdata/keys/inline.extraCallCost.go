// whatif: --set inline.extraCallCost=1
// flips: - :10:6: cannot inline both: function too complex: cost 124 exceeds budget 80
package p

//go:noinline
func step(x int) int { return x + 1 }

// Two calls that do not inline cost 57 each beyond the call node: over the budget by
// default, cheap when a call costs 1 extra (gc -l=4).
func both(x int) int {
	return step(x) + step(x+1)
}
