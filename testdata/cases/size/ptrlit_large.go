// &T{} of a large struct is an implicit variable.
package p

type block struct {
	data [70000]byte
}

func largeLiteral() byte {
	b := &block{}
	return b.data[1]
}
