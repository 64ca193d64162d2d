// The article's closure factory: the captured parameter lives as long as the closure.
package p

func makeAdder(x int) func(int) int {
	return func(y int) int { return x + y }
}

func useAdder() int {
	add := makeAdder(3)
	return add(4)
}
