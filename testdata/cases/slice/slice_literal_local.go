// A slice literal used locally.
package p

func literalSum() int {
	xs := []int{1, 2, 3, 4}
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}
