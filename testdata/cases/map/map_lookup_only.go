// Map lookups do not leak the key.
package p

func has(m map[string]int, key string) bool {
	_, ok := m[key]
	return ok
}
