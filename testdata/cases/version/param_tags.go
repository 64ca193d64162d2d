// A parameter passed through a func local with several callees: go1.26 tags it leaking
// (unknown callee), go1.27 takes the callees' tags, so the parameter may not escape.
package p

type value struct{ n int }

func kind(v *value) int { return v.n }
func zero(v *value) int { return 0 }

func encode(rv *value, c bool) int {
	f := kind
	if c {
		f = zero
	}
	return f(rv)
}

func encodeAll(vs []*value, c bool) (n int) {
	f := zero
	if c {
		f = kind
	}
	for _, v := range vs {
		n += f(v)
	}
	return n
}
