// whatif: --set asm.maxOpenDeferReturnProduct=1
// flips: + :8: CALL runtime.deferprocStack(SB)
package p

func cleanup() {}

func deferred(b bool) int {
	defer cleanup()
	if b {
		return 1
	}
	return 2
}
