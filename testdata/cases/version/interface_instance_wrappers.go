// Instances of a generic interface are types gc wraps: `Set[string].Add` and the others
// call through the interface, and -m=2 explains how their parameters leak. Reading
// Set[string] reads its shaped declaration too, whose Union mentions Set[go.shape.string]:
// go1.26 wraps that instance as well, go1.27 not (still being read, wrappers.forwardInstances).
// Seq[int] mentions no instance of itself in its methods: only Seq[int] is wrapped.
package p

type Set[T comparable] interface {
	Add(val T) bool
	Each(func(T) bool)
	Union(other Set[T]) Set[T]
}

type Seq[T any] interface {
	Next(dst *T) bool
}

func fill(s Set[string], q Seq[int], v string) {
	s.Add(v)
	var n int
	q.Next(&n)
}
