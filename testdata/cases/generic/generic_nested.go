// A generic function calling other generic functions: nested instantiations.
package p

func wrap[T any](v T) *T { return &v }

func both[A, B any](a A, b B) (*A, *B) { return wrap(a), wrap(b) }

func pairOf[T any](v T) []T { return append([]T{}, v, v) }

func useBoth() (*int, *string) {
	x, y := both(1, "s")
	_ = pairOf(*x)
	return x, y
}
