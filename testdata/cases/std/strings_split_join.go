// strings.Split, strings.Repeat and strings.Join on string parameters.
package p

import "strings"

func reverseFields(s string) string {
	parts := strings.Split(s, ",")
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, ",") + strings.Repeat("-", 3)
}
