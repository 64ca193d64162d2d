// Branches gc's front end never writes: a condition made constant through && / || with a
// constant operand, and a for loop whose condition is constant false.
package p

const debug = false
const trace = true

var sink any

func check(p *int, n int) {
	if debug && *p > n {
		sink = p // dropped: debug is false
	}
	if trace || *p > n {
		sink = n
	} else {
		sink = &n // dropped: trace is true
	}
	for debug && n > 0 {
		sink = &n // dropped with the loop body
	}
}
