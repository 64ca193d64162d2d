// One generic function instantiated with several shapes, each analysed on its own.
package p

type point struct{ x, y int }

type named int

func grow[T any](xs []T, v T) []T {
	out := make([]T, 0, len(xs)+1)
	out = append(out, xs...)
	return append(out, v)
}

func useGrow(a []int, b []string, c []point, d []named) int {
	return len(grow(a, 1)) + len(grow(b, "x")) + len(grow(c, point{})) + len(grow(d, 2))
}
