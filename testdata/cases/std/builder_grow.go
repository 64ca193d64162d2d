// strings.Builder with Grow and WriteByte, kept as a local value.
package p

import "strings"

func join(parts []string, sep byte) string {
	var b strings.Builder
	b.Grow(64)
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}
