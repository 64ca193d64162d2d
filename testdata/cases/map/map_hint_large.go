// A size hint over 8 entries needs a real allocation; small local maps do not.
package p

func hinted(n int) int {
	small := make(map[int]int, 8)
	large := make(map[int]int, 100)
	dyn := make(map[int]int, n)
	small[1] = 1
	large[1] = 1
	dyn[1] = 1
	return len(small) + len(large) + len(dyn)
}
