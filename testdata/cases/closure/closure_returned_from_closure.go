// A factory closure that is itself called at once but returns an escaping closure.
package p

func twoStep(x int) func() int {
	return func() func() int {
		y := x + 1
		return func() int { return y }
	}()
}
