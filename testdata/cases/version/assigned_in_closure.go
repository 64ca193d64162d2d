// An assignment inside a closure counts too (the variable can only hold one of its
// static functions or nil); so does a call made inside a closure.
package p

var sink any

func drop(p *int) {}
func peek(p *int) { sink = *p }

func later(c bool) {
	f := drop
	set := func() { f = peek }
	if c {
		set()
	}
	y := 2
	f(&y)
}

func inside(c bool) {
	f := drop
	if c {
		f = peek
	}
	func() {
		y := 3
		f(&y)
	}()
}
