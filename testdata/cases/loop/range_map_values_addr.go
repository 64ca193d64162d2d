// Addresses of map range values collected into a slice.
package p

func values(m map[string]int) []*int {
	out := make([]*int, 0, len(m))
	for _, v := range m {
		out = append(out, &v)
	}
	return out
}
