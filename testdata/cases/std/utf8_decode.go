// utf8.DecodeRuneInString walking a string parameter.
package p

import "unicode/utf8"

func countUpperASCII(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if r >= 'A' && r <= 'Z' {
			n++
		}
		s = s[size:]
	}
	return n
}
