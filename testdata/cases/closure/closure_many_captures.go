// Several captured variables of different sizes and mutability.
package p

func summary(a int, b string, c []byte) func() int {
	count := 0
	return func() int {
		count++
		return a + len(b) + len(c) + count
	}
}
