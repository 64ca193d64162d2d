// Single-byte values come from a static table (runtime.staticuint64s) and still "escape" in -m.
package p

var sink any

func smallByte(b byte) {
	sink = b
}

func smallBool(t bool) {
	sink = t
}
