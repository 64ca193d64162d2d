// A package-level alias of a generic type's instance instantiates its methods, though no
// code uses it: gc reads every package-level declaration.
package p

type Box[T any] struct{ v []T }

func (b *Box[T]) Copy() []T {
	out := make([]T, len(b.v))
	copy(out, b.v)
	return out
}

type IntBox = Box[int]

type holder struct{ b Box[string] }
