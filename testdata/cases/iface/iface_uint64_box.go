// 8-byte scalars use convT64, strings convTstring, slices convTslice.
package p

var a, b, c any

func boxes(n uint64, s string, xs []byte) {
	a = n
	b = s
	c = xs
}
