// A closure capturing a variable: the seed article's makeAdder and escapeByClosure.
package main

func makeAdder(x int) func(int) int {
	return func(y int) int { return x + y }
}

func escapeByClosure() func() int {
	y := 100
	return func() int { return y }
}

func main() {
	add := makeAdder(1)
	_ = add(2)
	_ = escapeByClosure()()
}
