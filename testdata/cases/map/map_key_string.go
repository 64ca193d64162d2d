// A string key stored into a map leaks the string.
package p

func add(m map[string]bool, key string) {
	m[key] = true
}
