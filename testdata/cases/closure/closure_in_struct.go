// A closure stored in a struct field that is returned.
package p

type op struct {
	run func() int
}

func makeOp(k int) op {
	return op{run: func() int { return k * k }}
}
