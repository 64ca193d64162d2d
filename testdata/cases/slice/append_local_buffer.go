// Appending to a local slice that never leaves: Go 1.26 may keep the growth on the stack.
package p

func squares(n int) int {
	var out []int
	for i := 0; i < n; i++ {
		out = append(out, i*i)
	}
	return len(out)
}
