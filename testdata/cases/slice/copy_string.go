// copy from a string into a byte slice.
package p

func fromString(dst []byte, s string) int {
	return copy(dst, s)
}
