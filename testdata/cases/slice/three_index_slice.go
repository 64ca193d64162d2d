// A full slice expression on a local array.
package p

func limited() []int {
	var arr [10]int
	return arr[1:3:4]
}
