// Shape names and type symbols are gc's LinkString (types/fmt.go fmtTypeID): an interface is
// written with its whole method set, embedded interfaces flattened and sorted, unexported
// names qualified by package path; an embedded field renamed by an alias is `Int = int`.
package p

type Reader interface{ Read() int }
type Closer interface{ Close() error }
type RC interface {
	Reader
	Closer
	reset()
}
type Int = int
type S struct {
	Int
	a  []byte
	Rs Reader
}

func id[T any](x T) T {
	var y T = x
	_ = &y
	return y
}

func Shapes(rc RC, s S, e interface {
	Closer
	Reader
}) {
	_ = id(rc)
	_ = id(s)
	_ = id(e)
	_ = id(struct {
		Int
		b rune
	}{})
	_ = id(func(...byte) (rune, error) { return 0, nil })
}

func Symbols(n int) (any, any) {
	xs := make([]interface {
		Closer
		Reader
	}, n)
	p := &struct {
		RC
		Int
		n int
	}{}
	return xs, p
}
