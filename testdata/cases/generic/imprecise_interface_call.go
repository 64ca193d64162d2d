// A method of a type parameter whose shape is an interface (instantiated with an interface
// type): gc's reader calls it through the dictionary on an interface value and prints
// "imprecise interface call" where it reads the body, when compiling it and again at every
// call it inlines it into. `return r.Read(p)` also shows the multi-value return's
// temporaries, which the -m=2 body dump leaves out.
package p

import (
	"fmt"
	"io"
)

type Sizer interface{ Size() int }

func Total[S Sizer](xs []S) int {
	n := 0
	for _, x := range xs {
		n += x.Size()
	}
	return n
}

func Show[T fmt.Stringer](t T) string { return t.String() + "!" }

type box struct{ n int }

func (b box) Size() int       { return b.n }
func (b *box) String() string { return "box" }

func Use() int {
	a := Total([]Sizer{box{1}})
	b := Total([]box{{2}})
	c := Show[fmt.Stringer](&box{})
	d := Show(&box{})
	return a + b + len(c) + len(d)
}

func Read[R io.Reader](r R, p []byte) (int, error) { return r.Read(p) }

func UseRead(r io.Reader) { Read(r, nil) }
