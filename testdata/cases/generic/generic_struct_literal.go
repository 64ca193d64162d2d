// A generic struct literal with a pointer field.
package p

type pair[A, B any] struct {
	a A
	b B
}

func makePair[A, B any](a A, b B) *pair[A, B] {
	return &pair[A, B]{a, b}
}

func usePair() *pair[int, string] {
	return makePair(1, "x")
}
