// The address of an array element is the address of the whole array.
package p

func elemPtr() *int {
	var arr [4]int
	return &arr[2]
}
