// append(a, b...) copies b's elements; b itself does not leak.
package p

func concat(a, b []byte) []byte {
	return append(a, b...)
}
