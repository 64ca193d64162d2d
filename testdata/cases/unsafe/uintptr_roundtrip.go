// A pointer converted to uintptr and back in one expression (pattern 3 of unsafe.Pointer).
package p

import "unsafe"

type pair struct{ a, b int }

func second(p *pair) *int {
	return (*int)(unsafe.Pointer(uintptr(unsafe.Pointer(p)) + unsafe.Offsetof(p.b)))
}
