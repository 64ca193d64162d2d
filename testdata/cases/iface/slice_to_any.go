// A slice header converted to an escaping interface: the header is boxed, the backing array leaks.
package p

var sink any

func boxSlice(xs []int) {
	sink = xs
}
