// Storing a local's address into a slice parameter's element leaks the local.
package p

func setFirst(ps []*int) {
	v := 7
	ps[0] = &v
}
