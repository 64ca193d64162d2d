// Converting a slice to an array pointer.
package p

func asArray(s []int) *[4]int {
	return (*[4]int)(s)
}
