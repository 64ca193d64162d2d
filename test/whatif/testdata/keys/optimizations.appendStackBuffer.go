// whatif: --set optimizations.appendStackBuffer=false
// flips: - :7:12: append does not escape
package p

func appendOne(n int) int {
	var s []int
	s = append(s, n)
	return len(s)
}
