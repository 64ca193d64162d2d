// Concatenating more than five operands uses concatstrings with a slice.
package p

func path(a, b, c, d, e, f string) string {
	return a + "/" + b + "/" + c + "/" + d + "/" + e + "/" + f
}
