// Indexing an array by a variable: the whole array is one location.
package p

func choose(i int) *int {
	var arr [4]int
	return &arr[i]
}
