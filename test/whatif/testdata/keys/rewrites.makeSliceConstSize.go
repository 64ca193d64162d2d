// whatif: --set rewrites.makeSliceConstSize=false
// flips: + :7:11: make([]int, n) does not escape
package p

func makeConst() int {
	n := 10
	s := make([]int, n)
	return len(s)
}
