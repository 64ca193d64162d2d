// Returning a value read from a map of pointers leaks the map's content.
package p

func get(m map[int]*string, k int) *string {
	return m[k]
}
