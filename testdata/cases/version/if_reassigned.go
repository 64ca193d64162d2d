// A func local assigned one static function, then another under a condition: go1.27
// resolves the call to both callees (escape/call.go resolveAssignedCallees); go1.26 sees an
// unknown callee and moves y to the heap.
package p

var sink any

func drop(p *int) {}
func peek(p *int) { sink = *p }

func choose(c bool) {
	f := drop
	if c {
		f = peek
	}
	y := 2
	f(&y)
}
