// Converting bytes to a string copies them; the string escapes when returned.
package p

func text(b []byte) string {
	return string(b)
}
