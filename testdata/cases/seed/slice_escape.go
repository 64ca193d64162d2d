// Article example 3: a made slice is returned, so its backing array escapes.
package p

func sliceEscape() []int {
	s := make([]int, 10)
	return s
}
