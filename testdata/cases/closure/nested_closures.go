// A closure inside a closure: captures flow through both levels.
package p

func outer() func() func() int {
	x := 1
	return func() func() int {
		x++
		return func() int { return x }
	}
}
