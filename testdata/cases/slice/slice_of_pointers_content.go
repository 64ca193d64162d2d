// Returning an element of a slice parameter leaks its content, not the slice itself.
package p

func firstPtr(ps []*int) *int {
	return ps[0]
}
