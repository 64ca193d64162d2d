// panic with a constant string.
package p

func must(ok bool) {
	if !ok {
		panic("failed")
	}
}
