// Collecting map keys generically.
package p

func keys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func useKeys(m map[string]int) int {
	return len(keys(m))
}
