package p

type T struct {
	p    *int
	s    []int
	next *T
}

type I interface{ M() int }

func (t *T) M() int { return len(t.s) + *t.p }

var sink any

func keep(p *int) *int { return p }

func grow(s []int) []int { return append(s, len(s)) }

func sum(xs ...int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func g0(p *int, s0 []int, t0 *T, i0 I) *int {
	x := 0
	q := new(int)
	var s []int
	var t *T
	var i I
	var f func() int
	{ var a [2]*int; a[x&1] = q; q = a[0] }
	_, _, _, _, _, _ = x, q, s, t, i, f
	return q
}

func g1(p *int, s0 []int, t0 *T, i0 I) *int {
	x := 0
	q := new(int)
	var s []int
	var t *T
	var i I
	var f func() int
	_, _, _, _, _, _ = x, q, s, t, i, f
	return q
}
