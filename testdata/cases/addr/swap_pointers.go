// Swapping through pointers touches no heap.
package p

func swap(a, b *int) {
	*a, *b = *b, *a
}

func useSwap() int {
	x, y := 1, 2
	swap(&x, &y)
	return x - y
}
