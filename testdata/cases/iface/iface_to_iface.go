// Converting between interface types keeps the same data word.
package p

type reader interface{ read() int }
type readCloser interface {
	reader
	close()
}

func narrow(rc readCloser) reader {
	return rc
}
