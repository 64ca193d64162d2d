// Method expressions assigned to a func local: the receiver is the first argument, and
// each callee's receiver tag applies to it.
package p

type T struct{ p *int }

var sink *int

func (t *T) Get() int  { return *t.p }
func (t *T) Size() int { return 8 }

func call(c bool) int {
	f := (*T).Get
	if c {
		f = (*T).Size
	}
	x := 1
	t := T{p: &x}
	return f(&t)
}
