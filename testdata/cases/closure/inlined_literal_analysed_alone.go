// A function literal capturing nothing is no closure to gc's call-graph walk: once all its
// calls are inlined and nothing holds it, it is still analysed, as a function of its own
// (after the others), so its locals and parameters get their lines twice over.
package p

var sink *int

func alloc(x int) *int { return &x }

func Called(v int) {
	func(q *int, r *int) {
		y := 4
		sink = &y
		sink = q
	}(&v, &v)
}

func Assigned() {
	g := func() { sink = alloc(1) }
	g()
}

// A literal capturing a variable is a closure: analysed only where it is written.
func Captures() {
	a := 1
	func() { sink = &a }()
}
