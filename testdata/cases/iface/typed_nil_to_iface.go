// A typed nil converted to an interface is boxed like any other value; a bare nil is not.
package p

var sink any

type bs []byte

func keep(x any) {}

func typedNils() {
	keep([]byte(nil))
	sink = bs(nil)
	keep(map[string]int(nil))
	keep(nil)
	var e error = nil
	sink = e
}
