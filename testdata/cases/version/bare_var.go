// `var f func(*int)` then `f = peek`: the bare declaration is nil, the one assignment a
// static function. go1.26 only follows single `:=` definitions.
package p

var sink any

func peek(p *int) { sink = *p }

func one() {
	var f func(*int)
	f = peek
	y := 2
	f(&y)
}

func nilFirst(c bool) {
	var f func(*int) = nil
	if c {
		f = peek
	}
	y := 3
	f(&y)
}
