// A map literal used only for lookup.
package p

func code(s string) int {
	m := map[string]int{"a": 1, "b": 2}
	return m[s]
}
