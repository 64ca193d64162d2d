// A nil slice involves no allocation.
package p

func none() []int {
	var s []int
	return s
}
