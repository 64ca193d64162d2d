// Appending to a parameter and returning it: the parameter leaks to the result.
package p

func push(s []int, v int) []int {
	return append(s, v)
}
