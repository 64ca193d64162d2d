// The same call shape without the pragma: the uintptr carries no pointer.
package p

import "unsafe"

func plain(a uintptr) uintptr {
	return a
}

func callPlain() uintptr {
	var buf [8]byte
	return plain(uintptr(unsafe.Pointer(&buf)))
}
