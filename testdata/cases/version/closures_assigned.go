// Closures assigned to a func local: each literal is a static callee, analysed in the same
// batch, so the argument flows straight into each closure's parameter.
package p

var sink *int

func run(c bool, n int) int {
	f := func(p *int) int { return *p + 1 }
	if c {
		f = func(p *int) int { return *p * n }
	}
	y := n
	return f(&y)
}

func runLeaky(c bool) {
	f := func(p *int) {}
	if c {
		f = func(p *int) { sink = p }
	}
	y := 1
	f(&y)
}
