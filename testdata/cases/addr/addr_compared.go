// Comparing addresses does not make anything escape.
package p

func same(a, b *int) bool {
	return a == b
}

func check() bool {
	x, y := 1, 2
	return same(&x, &y)
}
