// A loop-carried pointer to a variable from outside the loop.
package p

func outer(n int) int {
	x := 0
	p := &x
	for i := 0; i < n; i++ {
		*p += i
	}
	return x
}
