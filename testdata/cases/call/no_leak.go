// A parameter only read does not escape, so the caller's local stays on the stack.
package p

func read(p *int) int {
	return *p + 1
}

func caller() int {
	x := 1
	return read(&x)
}
