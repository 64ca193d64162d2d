// unicode.IsUpper over a rune slice converted from a string.
package p

import "unicode"

func upperRunes(s string) []rune {
	var out []rune
	for _, r := range []rune(s) {
		if unicode.IsUpper(r) {
			out = append(out, r)
		}
	}
	return out
}
