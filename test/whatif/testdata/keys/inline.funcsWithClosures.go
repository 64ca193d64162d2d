// whatif: --set inline.funcsWithClosures=false
// flips: + :7:6: cannot inline adder: not inlining functions with closures
package p

// gc inlines functions that contain function literals unless -d=inlfuncswithclosures=0;
// the literal itself stays inlinable either way.
func adder(x int) func(int) int {
	return func(y int) int { return x + y }
}
