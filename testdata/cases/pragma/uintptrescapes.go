// //go:uintptrescapes makes pointers converted to uintptr arguments escape.
package p

import "unsafe"

//go:uintptrescapes
func syscallLike(a uintptr) uintptr {
	return a
}

func callSyscall() uintptr {
	var buf [8]byte
	return syscallLike(uintptr(unsafe.Pointer(&buf)))
}
