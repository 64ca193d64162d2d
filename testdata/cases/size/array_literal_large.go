// A large array declared with := is an explicit variable too.
package p

func literalArray() int {
	arr := [20000]int{}
	arr[5] = 5
	return arr[5]
}
