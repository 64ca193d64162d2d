// Ranging over a string reads it; no escape.
package p

func runes(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}
