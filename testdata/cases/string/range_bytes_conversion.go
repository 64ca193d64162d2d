// Ranging over []byte(s) does not copy.
package p

func count(s string) int {
	n := 0
	for _, b := range []byte(s) {
		if b == 'x' {
			n++
		}
	}
	return n
}
