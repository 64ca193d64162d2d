// Pointers in and out: the seed article's NewCounter, f1, f2 and f3.
package main

func NewCounter() *int {
	x := 42
	return &x
}

func f1(x *int) { *x = 42 }

func f2(x int) { _ = x }

func f3() *int {
	y := 42
	return &y
}

func main() {
	v := 0
	f1(&v)
	f2(v)
	_ = NewCounter()
	_ = f3()
}
