// Passing an existing slice with ... reuses it.
package p

func first(xs ...*int) *int {
	return xs[0]
}

func useFirst(ps []*int) *int {
	return first(ps...)
}
