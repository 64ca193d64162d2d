// An address taken and used within the same iteration stays on the stack.
package p

func perIteration(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		v := i
		q := &v
		t += *q
	}
	return t
}
