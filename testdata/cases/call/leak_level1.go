// Returning *pp leaks pp's content to the result at level 1.
package p

func deref(pp **int) *int {
	return *pp
}
