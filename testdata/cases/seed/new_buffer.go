// The article's buffer factory: a slice returned to the caller.
package p

func newBuffer() []byte {
	return make([]byte, 0, 1024)
}
