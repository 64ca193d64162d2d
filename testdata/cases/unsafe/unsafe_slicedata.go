// unsafe.SliceData returns the slice's backing pointer.
package p

import "unsafe"

func base(s []int) *int {
	return unsafe.SliceData(s)
}
