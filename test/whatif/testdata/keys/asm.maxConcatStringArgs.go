// whatif: --set asm.maxConcatStringArgs=2
// flips: + :6: CALL runtime.concatstrings(SB)
package p

func concat(a, b, c string) string {
	return a + b + c
}
