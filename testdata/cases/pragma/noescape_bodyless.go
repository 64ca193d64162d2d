// //go:noescape on a bodyless declaration: pointer arguments do not escape.
package p

//go:noescape
func memclr(p *byte, n int)

func clear16() byte {
	var buf [16]byte
	memclr(&buf[0], len(buf))
	return buf[0]
}
