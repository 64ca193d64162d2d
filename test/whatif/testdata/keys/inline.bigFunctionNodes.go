// whatif: --set inline.bigFunctionNodes=20
// flips: - :14:13: inlining call to scale
package p

// scale costs more than 20 (inline.bigFunctionMaxCost): it inlines into ordinary callers
// but not into a big one, and with a threshold of 20 nodes total is big.
func scale(a, b, c, d int) int {
	return a*b + b*c + c*d + d*a + a*c + b*d
}

func total(xs []int) int {
	t := 0
	for i := 0; i+3 < len(xs); i += 4 {
		t += scale(xs[i], xs[i+1], xs[i+2], xs[i+3])
	}
	return t
}
