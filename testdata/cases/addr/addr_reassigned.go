// A pointer variable reassigned to the heap on one path and the stack on another.
package p

var global *int

func choose(flag bool) {
	a, b := 1, 2
	p := &a
	if flag {
		p = &b
	}
	global = p
}
