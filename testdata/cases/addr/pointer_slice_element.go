// Storing a local's address in a slice element that is returned.
package p

func collect() []*int {
	a, b := 1, 2
	return []*int{&a, &b}
}
