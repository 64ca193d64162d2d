// whatif: --set ifaceConversions.nonEscapingStackTemp=false
// flips: + :8: CALL runtime.convT64(SB)
package p

func show(v any) {}

func temp(n int) {
	show(n)
}
