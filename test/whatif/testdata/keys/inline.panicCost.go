// whatif: --set inline.panicCost=80
// flips: - :6:6: can inline check with cost 9 as: func(int) int { if x < 0 { panic("negative") }; return x }
package p

// panic(x) costs 1 beyond its node, so a guard that panics keeps a function inlinable.
func check(x int) int {
	if x < 0 {
		panic("negative")
	}
	return x
}
