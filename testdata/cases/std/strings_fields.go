// strings.Fields and strings.Join over a parameter.
package p

import "strings"

func normalize(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
