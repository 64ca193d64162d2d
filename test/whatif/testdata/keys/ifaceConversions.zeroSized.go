// whatif: --set ifaceConversions.zeroSized=false
// flips: + :10: CALL runtime.convTnoptr(SB) p.empty
package p

var sink any

type empty struct{}

func zeroSized(e empty) {
	sink = e
}
