// Storing a slice header in a global leaks the backing array.
package p

var saved []byte

func keep(b []byte) {
	saved = b
}
