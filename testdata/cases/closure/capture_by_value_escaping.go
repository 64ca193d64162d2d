// A small never-reassigned variable is captured by value: the closure escapes, the variable does not move.
package p

func constant(v int) func() int {
	k := v + 1
	return func() int { return k }
}
