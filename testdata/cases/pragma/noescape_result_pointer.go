// //go:noescape does not stop a returned pointer from being treated as the callee's.
package p

//go:noescape
func find(p *byte, n int) *byte

func search() byte {
	var buf [4]byte
	q := find(&buf[0], 4)
	return *q
}
