// unsafe.Slice builds a slice over a pointer.
package p

import "unsafe"

func view(p *byte, n int) []byte {
	return unsafe.Slice(p, n)
}
