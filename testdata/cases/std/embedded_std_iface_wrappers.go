// A struct and an interface embedding std interfaces and a std struct: the wrappers of
// their promoted methods print (-m=2) the methods' own parameters, named as std's
// (`io.p`) and placed where std declares them.
package p

import (
	"io"
	"strings"
)

type W struct {
	io.Writer
}

type RC interface {
	io.Reader
	io.Closer
}

type B struct {
	*strings.Builder
}

func use(w W, b B, s string) (int, error) {
	b.WriteString(s)
	return w.Write([]byte(s))
}
