// go and defer through a func local with several static callees: the call is wrapped in
// a closure, whose body makes the resolved call.
package p

var sink any

func drop(p *int) {}
func peek(p *int) { sink = *p }

func deferred(c bool) {
	f := drop
	if c {
		f = peek
	}
	y := 2
	defer f(&y)
}

func loopCalls(n int) {
	f := drop
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			f = peek
		}
		y := i
		f(&y)
	}
}
