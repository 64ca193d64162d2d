// The callees' results: an argument that reaches a result of any callee flows where the
// call's result goes.
package p

var sink *int

func same(p *int) *int  { return p }
func other(p *int) *int { return nil }

func through(c bool) {
	f := same
	if c {
		f = other
	}
	y := 5
	sink = f(&y)
}

func local(c bool) int {
	f := same
	if c {
		f = other
	}
	y := 6
	q := f(&y)
	if q == nil {
		return 0
	}
	return *q
}
