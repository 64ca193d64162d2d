// A strings.Builder used locally.
package p

import "strings"

func joinAll(parts []string) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p)
	}
	return b.String()
}
