// Slicing a local array and returning the slice moves the array.
package p

func arraySlice() []int {
	var arr [8]int
	return arr[2:5]
}
