// A package variable initialised by an inlined call of a one-return function is laid out
// statically (staticinit's staticAssignInlinedCall): no allocation left in init.
package p

type T struct{ x int }

func F(x int) *T { return &T{x} }

var Global = F(400)

type E struct{ s string }

func (e *E) Error() string { return e.s }

func G(s string) error { return &E{s} }

var Err = G("x")

// A parameter used twice needs a repeatable argument: &T{} is not, so the call stays.
func Pair(t *T) [2]*T { return [2]*T{t, t} }

var P = Pair(&T{1})
