// Pointer type arguments of a basic-interface type parameter share one shape (*uint8).
package p

var sink any

func last[T any](xs []T) T { return xs[len(xs)-1] }

func stash[T any](v T) { sink = v }

func usePointers(a []*int, b []*string) (*int, *string) {
	x := 1
	stash(&x)
	return last(a), last(b)
}
