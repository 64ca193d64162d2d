// //go:noescape with a slice parameter.
package p

//go:noescape
func sum(xs []int) int

func useSum(n int) int {
	xs := make([]int, n)
	return sum(xs)
}
