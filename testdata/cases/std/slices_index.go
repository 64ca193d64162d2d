// slices.Index over a fixed-size local array's slice.
package p

import "slices"

func position(s string) int {
	names := [4]string{"a", "b", "c", "d"}
	return slices.Index(names[:], s)
}
