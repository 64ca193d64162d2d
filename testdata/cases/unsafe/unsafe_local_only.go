// unsafe conversions that do not leave the function.
package p

import "unsafe"

func bits(f float64) uint64 {
	return *(*uint64)(unsafe.Pointer(&f))
}
