// Several callees, one of which leaks its parameter: the argument goes through every
// callee's tags at once, so it still escapes, in both versions.
package p

var sink *int

func keep(p *int) { sink = p }
func look(p *int) int { return *p }

func either(c bool) {
	f := func(p *int) { look(p) }
	if c {
		f = keep
	}
	y := 2
	f(&y)
}
