// whatif: --set limits.variableMakeThreshold=8
// flips: + :7: CALL runtime.growslice(SB)
package p

func appendTwo() int {
	var s []int
	s = append(s, 1, 2)
	return len(s)
}
