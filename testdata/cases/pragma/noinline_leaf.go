// //go:noinline on a leaf function: same decisions under -l.
package p

//go:noinline
func store(dst *int, v int) {
	*dst = v
}

func useStore() int {
	var x int
	store(&x, 3)
	return x
}
