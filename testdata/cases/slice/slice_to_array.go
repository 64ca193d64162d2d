// Converting a slice to an array value copies it.
package p

func toArray(s []byte) [4]byte {
	return [4]byte(s)
}
