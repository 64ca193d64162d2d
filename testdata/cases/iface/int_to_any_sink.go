// A non-constant int converted to an interface that escapes is boxed on the heap.
package p

var sink any

func boxInt(n int) {
	sink = n
}
