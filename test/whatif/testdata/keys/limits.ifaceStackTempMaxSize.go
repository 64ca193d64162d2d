// whatif: --set limits.ifaceStackTempMaxSize=8
// flips: + :8: CALL runtime.convTnoptr(SB) [2]int
package p

func show(v any) {}

func temp(a, b int) {
	show([2]int{a, b})
}
