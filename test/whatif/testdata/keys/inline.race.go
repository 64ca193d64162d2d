// whatif: --set inline.race=true
// flips: + :8:6: cannot inline scaled: marked go:norace with -race compilation
package p

// Under -race, a function marked go:norace is not inlinable.
//
//go:norace
func scaled(x int) int { return x * 3 }

func use(x int) int { return scaled(x) + 1 }
