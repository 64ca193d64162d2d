// A closure argument passed to a function value parameter.
package p

func each(xs []int, f func(int)) {
	for _, x := range xs {
		f(x)
	}
}

func total(xs []int) int {
	t := 0
	each(xs, func(x int) { t += x })
	return t
}
