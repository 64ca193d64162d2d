// One literal calling another, both declared in the same function: calls of the first from
// the inlined body of the second are inlined into that function too.
package p

import "strings"

func words(s string) int {
	var b strings.Builder
	n := 0
	flush := func() {
		n += b.Len()
		b.Reset()
	}
	word := func(r rune) {
		if r == ' ' {
			flush()
			return
		}
		b.WriteRune(r)
	}
	for _, r := range s {
		word(r)
	}
	flush()
	return n
}
