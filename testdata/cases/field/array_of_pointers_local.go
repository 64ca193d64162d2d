// A local array of pointers to locals.
package p

func arr() int {
	a, b, c := 1, 2, 3
	ps := [3]*int{&a, &b, &c}
	t := 0
	for _, p := range ps {
		t += *p
	}
	return t
}
