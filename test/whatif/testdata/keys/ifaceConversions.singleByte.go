// whatif: --set ifaceConversions.singleByte=false
// flips: + :8: CALL runtime.convTnoptr(SB) uint8
package p

var sink any

func oneByte(b byte) {
	sink = b
}
