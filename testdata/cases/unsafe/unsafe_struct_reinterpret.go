// Reinterpreting a local struct through unsafe.Pointer and returning it.
package p

import "unsafe"

type header struct{ data, n uintptr }

func reinterpret() *header {
	var buf [2]uintptr
	return (*header)(unsafe.Pointer(&buf))
}
