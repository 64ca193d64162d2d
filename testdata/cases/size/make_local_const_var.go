// A never-reassigned local constant-valued variable counts as a constant size.
package p

func viaLocal() int {
	n := 100
	buf := make([]byte, n)
	return len(buf)
}
