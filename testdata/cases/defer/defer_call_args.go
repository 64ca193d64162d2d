// A deferred direct call at the top level: arguments are evaluated now, stored on the stack.
package p

func release(p *int) { *p = 0 }

func withRelease() int {
	x := 1
	defer release(&x)
	return x
}
