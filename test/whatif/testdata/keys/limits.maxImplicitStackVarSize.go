// whatif: --set limits.maxImplicitStackVarSize=1k
// flips: + :6:10: new([2048]byte) escapes to heap
package p

func implicit() int {
	p := new([2048]byte)
	return len(p)
}
