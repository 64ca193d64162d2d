// Map values of interface type: each stored value is converted and leaks to the map.
package p

func props(n int, s string) map[string]any {
	m := map[string]any{}
	m["n"] = n
	m["s"] = s
	return m
}
