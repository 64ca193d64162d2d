// A typed nil pointer in an interface.
package p

type t struct{ x int }

var sink any

func nilPtr() {
	var p *t
	sink = p
}
