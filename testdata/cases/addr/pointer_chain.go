// A pointer to a pointer to a local: returning the outer pointer moves both.
package p

func chain() **int {
	x := 1
	px := &x
	return &px
}
