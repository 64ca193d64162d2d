// A returned map escapes.
package p

func index(words []string) map[string]int {
	m := make(map[string]int)
	for i, w := range words {
		m[w] = i
	}
	return m
}
