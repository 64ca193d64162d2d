// The article's example 3 with the slice kept local: the backing array stays on the stack.
package p

func sliceLocal() int {
	s := make([]int, 10)
	for i := range s {
		s[i] = i * i
	}
	return s[9]
}
