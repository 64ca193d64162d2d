// Converting through unsafe.Pointer keeps the flow of the pointer.
package p

import "unsafe"

func asUint32(p *float32) *uint32 {
	return (*uint32)(unsafe.Pointer(p))
}
