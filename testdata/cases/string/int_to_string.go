// string(rune) creates a one-character string.
package p

func letter(i int) string {
	return string(rune('a' + i))
}
