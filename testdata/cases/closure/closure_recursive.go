// A recursive closure refers to itself through a captured variable.
package p

func fib(n int) int {
	var f func(int) int
	f = func(k int) int {
		if k < 2 {
			return k
		}
		return f(k-1) + f(k-2)
	}
	return f(n)
}
