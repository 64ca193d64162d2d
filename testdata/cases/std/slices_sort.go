// slices.Sort and slices.Contains on a local slice (generic, instantiated).
package p

import "slices"

func uniqueSorted(in []int) []int {
	out := make([]int, 0, len(in))
	for _, v := range in {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}
