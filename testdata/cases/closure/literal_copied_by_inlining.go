// Inlining a function copies each function literal of its body into the caller as a new
// closure, numbered on from the caller's own literals whether or not it is ever called:
// `use.keep.func1` is never called, `use.mk.func2` is, and inlines under that name.
package p

var sink func() int

func mk(x int) func() int {
	return func() int { return x }
}

func keep(x int) {
	sink = func() int { return x + 1 }
}

func use() int {
	keep(2)
	g := mk(1)
	return g()
}

// A literal called where it is written, inside an inlined function: the copy inlines too.
func twice(z int) int {
	bar := func(x int) int {
		return x + func(y int) int {
			return 2*y + x*z
		}(x)
	}
	return bar(42)
}
