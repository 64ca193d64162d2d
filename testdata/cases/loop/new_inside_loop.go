// new inside a loop kept in a slice declared outside the loop.
package p

func allocs(n int) []*int {
	var out []*int
	for i := 0; i < n; i++ {
		out = append(out, new(int))
	}
	return out
}
