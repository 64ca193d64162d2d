// A large array returned by value.
package p

func makeBig() (r [20000]int) {
	r[0] = 1
	return
}
