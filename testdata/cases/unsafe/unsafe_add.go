// unsafe.Add keeps the base pointer's flow.
package p

import "unsafe"

func next(p *int64) *int64 {
	return (*int64)(unsafe.Add(unsafe.Pointer(p), 8))
}
