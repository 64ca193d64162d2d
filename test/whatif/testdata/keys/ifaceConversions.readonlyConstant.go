// whatif: --set ifaceConversions.readonlyConstant=false
// flips: + :8: CALL runtime.convT64(SB)
package p

var sink any

func constant() {
	sink = 4242
}
