// m[string(b)] in a lookup does not allocate.
package p

func lookup(m map[string]int, b []byte) int {
	return m[string(b)]
}
