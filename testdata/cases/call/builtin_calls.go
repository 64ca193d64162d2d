// len, cap, min, max and the like do not leak.
package p

func measure(s []int, m map[int]int, str string) int {
	return len(s) + cap(s) + len(m) + len(str) + min(len(s), 3) + max(1, 2)
}
