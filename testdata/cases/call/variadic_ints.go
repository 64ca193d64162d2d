// A variadic parameter slice that does not escape is built on the stack.
package p

func total(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func useTotal() int {
	return total(1, 2, 3)
}
