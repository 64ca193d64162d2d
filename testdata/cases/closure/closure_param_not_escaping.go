// A closure passed to a function that only calls it does not escape.
package p

func apply(f func(int) int, v int) int {
	return f(v)
}

func double(v int) int {
	factor := 2
	return apply(func(x int) int { return x * factor }, v)
}
