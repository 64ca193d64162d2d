// strconv.Itoa with a result returned.
package p

import "strconv"

func key(prefix string, n int) string {
	return prefix + strconv.Itoa(n)
}
