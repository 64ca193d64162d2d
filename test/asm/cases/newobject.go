// new, &T{}, moved-to-heap variables and parameters, zero-sized objects, slice literals.
package p

type T struct{ a, b int }

type Big struct{ buf [1 << 17]byte }

var sink any
var gp *int
var gt *T

func newInt() *int { return new(int) }

func newLocal() int {
	p := new(int)
	*p = 3
	return *p
}

func ptrLit() *T { return &T{1, 2} }

func ptrLitLocal() int {
	t := &T{a: 1}
	return t.a
}

func movedLocal() {
	x := 1
	gp = &x
}

func movedParam(x int) *int { return &x }

func movedResult() (r T) {
	gt = &r
	return
}

func zeroSized() {
	var z struct{}
	sink = &z
	sink = new(struct{})
	sink = &[0]int{}
}

func sliceLit() []int { return []int{1, 2, 3} }

func sliceLitLocal() int {
	s := []int{1, 2, 3}
	return s[1]
}

func bigVar() byte {
	var b Big
	return b.buf[1]
}

func variadic(xs ...int) int { return len(xs) }

func callVariadic() int { return variadic(1, 2, 3) }

func keep(xs ...*int) { sink = xs }

func callKeep(p *int) { keep(p, p) }
