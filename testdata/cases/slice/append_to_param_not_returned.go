// Appending to a parameter without returning it: the append result does not leave.
package p

func count(s []int) int {
	s = append(s, 1)
	return len(s)
}
