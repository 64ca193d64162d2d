// An array of pointers returned by value.
package p

func ptrs() [2]*int {
	a, b := 1, 2
	return [2]*int{&a, &b}
}
