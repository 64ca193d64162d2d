// The seed article's three cases: a value kept on the stack, a pointer returned,
// and a slice returned.
package main

func stackOnly() int {
	x := 42
	return x
}

func escapeToHeap() *int {
	x := 42
	return &x
}

func sliceEscape() []int {
	s := make([]int, 10)
	return s
}

func main() {
	_ = stackOnly()
	_ = escapeToHeap()
	_ = sliceEscape()
}
