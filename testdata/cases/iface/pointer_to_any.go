// A pointer stored in an interface needs no box; the pointee escapes with it.
package p

var sink any

type cfg struct{ n int }

func boxPointer() {
	c := &cfg{n: 1}
	sink = c
}
