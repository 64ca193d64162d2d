// An inlined callee's parameter that moves to the heap is allocated where the call is (the
// inliner declares it there), while what the callee's body allocates stays at its own line.
package p

type T struct{ a, b int }

func keep(x int, t T) (*int, *T) {
	p := &T{x, x}
	_ = p
	return &x, &t
}

func use() *T {
	_, t := keep(1, T{2, 3})
	return t
}

func nested(x int) *int {
	a, _ := keep(x, T{})
	return a
}

func outer() *int {
	return nested(4)
}
