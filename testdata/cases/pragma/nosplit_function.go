// //go:nosplit does not change escape analysis.
package p

//go:nosplit
func addr(x *int) *int {
	return x
}
