// Converting a string to bytes copies it.
package p

func raw(s string) []byte {
	return []byte(s)
}
