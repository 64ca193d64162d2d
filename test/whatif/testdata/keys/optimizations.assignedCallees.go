// whatif: --set optimizations.assignedCallees=true
// flips: - :15:2: moved to heap: y
package p

var sink *int

func drop(p *int) {}

func keep(p *int) { sink = p }

func peek(p *int) int { return *p }

func call(c bool) {
	f := drop
	y := 2
	if c {
		f = func(p *int) { _ = peek(p) }
	}
	f(&y)
}
