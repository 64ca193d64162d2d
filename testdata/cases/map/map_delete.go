// delete reads the key; nothing escapes.
package p

func remove(m map[string]int, k string) {
	delete(m, k)
}
