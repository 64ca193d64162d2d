// A generic function choosing between two pointers.
package p

type ordered interface{ ~int | ~string }

func minPtr[T ordered](a, b *T) *T {
	if *a < *b {
		return a
	}
	return b
}

func useMin() int {
	x, y := 1, 2
	return *minPtr(&x, &y)
}
