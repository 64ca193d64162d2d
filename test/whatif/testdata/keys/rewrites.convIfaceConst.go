// whatif: --set rewrites.convIfaceConst=false
// flips: + :9:8: x escapes to heap
package p

var out any

func conv() {
	x := 300
	out = x
}
