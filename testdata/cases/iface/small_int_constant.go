// Constants need no allocation: the compiler points at read-only data.
package p

var sink any

func constants() {
	sink = 7
	sink = "hello"
	sink = 3.5
	sink = true
}
