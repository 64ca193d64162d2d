// Returning the value a pointer parameter points to does not leak the pointer.
package p

func load(p *int) int {
	return *p
}

func loadTwice(p **int) int {
	return **p
}
