// whatif: --set asm.maxOpenDefers=0
// flips: + :8: CALL runtime.deferprocStack(SB)
package p

func cleanup() {}

func deferred() {
	defer cleanup()
}
