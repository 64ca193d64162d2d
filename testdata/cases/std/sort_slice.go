// sort.Slice takes the slice as an interface and a closure.
package p

import "sort"

func sortDesc(xs []int) {
	sort.Slice(xs, func(i, j int) bool { return xs[i] > xs[j] })
}
