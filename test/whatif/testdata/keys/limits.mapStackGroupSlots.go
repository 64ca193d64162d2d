// whatif: --set limits.mapStackGroupSlots=0
// flips: + :6: CALL runtime.makemap(SB)
package p

func small() int {
	m := map[int]int{1: 1}
	return len(m)
}
