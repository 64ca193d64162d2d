// A generic function over any called with a struct value.
package p

type point struct{ x, y int }

func firstOf[T any](xs ...T) T { return xs[0] }

func usePoints() point {
	return firstOf(point{1, 2}, point{3, 4})
}
