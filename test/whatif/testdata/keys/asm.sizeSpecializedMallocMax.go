// whatif: --set asm.sizeSpecializedMallocMax=80
// flips: - :6: CALL runtime.newobject(SB)
package p

func alloc() *[4]int {
	return new([4]int)
}
