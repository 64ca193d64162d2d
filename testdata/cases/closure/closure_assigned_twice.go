// A func variable assigned two literals; one call site.
package p

func pick(flag bool, x int) int {
	f := func() int { return x }
	if flag {
		f = func() int { return -x }
	}
	return f()
}
