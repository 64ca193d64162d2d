// whatif: --set rewrites.makeSliceLenOfSliceLit=false
// flips: + :7:11: make([]int, len(lit)) does not escape
package p

func makeLen() int {
	lit := []int{1, 2, 3}
	t := make([]int, len(lit))
	return len(t)
}
