// A concatenation whose result does not escape may use a stack buffer.
package p

func lengthOf(a, b string) int {
	s := a + b
	return len(s)
}
