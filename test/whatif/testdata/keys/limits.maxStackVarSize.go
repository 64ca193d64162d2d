// whatif: --set limits.maxStackVarSize=1k
// flips: + :8:6: moved to heap: buf
package p

func use([]byte) {}

func buffer() {
	var buf [2048]byte
	use(buf[:])
}
