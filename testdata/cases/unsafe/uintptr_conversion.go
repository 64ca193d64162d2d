// Converting a pointer to uintptr loses the pointer: nothing flows.
package p

import "unsafe"

func addrOf(p *int) uintptr {
	return uintptr(unsafe.Pointer(p))
}
