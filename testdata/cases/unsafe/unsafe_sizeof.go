// Sizeof, Alignof and Offsetof are constants.
package p

import "unsafe"

type rec struct {
	a byte
	b int64
}

func layout(r *rec) uintptr {
	return unsafe.Sizeof(*r) + unsafe.Alignof(r.b) + unsafe.Offsetof(r.b)
}
