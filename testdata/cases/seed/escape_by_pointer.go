// The article's escapeByPointer, with a caller that only reads the value.
package p

func escapeByPointer() *int {
	x := 42
	return &x
}

func reader() int {
	return *escapeByPointer() + 1
}
