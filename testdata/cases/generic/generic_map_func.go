// A generic Map with a function argument.
package p

func mapSlice[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func lengths(ss []string) []int {
	return mapSlice(ss, func(s string) int { return len(s) })
}
