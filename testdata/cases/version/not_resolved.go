// Func locals that stay unknown callees in go1.27 too: one assignment of a parameter, a
// tuple assignment, another func local as the value, an address-taken variable.
package p

func drop(p *int) {}
func peek(p *int) int { return *p }

func fromParam(c bool, g func(*int)) {
	f := drop
	if c {
		f = g
	}
	y := 1
	f(&y)
}

func tuple(c bool) {
	var f func(*int)
	var n int
	f, n = drop, 1
	_ = n
	y := 2
	f(&y)
}

func viaLocal(c bool) {
	g := drop
	f := g
	if c {
		f = drop
	}
	y := 3
	f(&y)
}

func addrTaken(c bool) {
	f := drop
	if c {
		f = drop
	}
	pf := &f
	y := 4
	(*pf)(&y)
	f(&y)
}
