// A []byte(s) that does not escape.
package p

func checksum(s string) byte {
	b := []byte(s)
	var c byte
	for _, x := range b {
		c ^= x
	}
	return c
}
