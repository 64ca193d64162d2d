// Decision table f1/f2/f3: a pointer parameter that is only written through does not
// escape; a value parameter has nothing to escape; returning &y moves y.
package p

func f1(x *int) {
	*x = 42
}

func f2(x int) int {
	return x + 1
}

func f3() *int {
	y := 42
	return &y
}
