// whatif: --set inline.closureCalledOnceCost=0
// flips: - :15:12: inlining call to run.func1
package p

type vec struct{ a, b, c, d, e, f, g, h int }

// A function literal's budget is 800, and one called once inlines up to that cost: this
// literal costs more than 80 yet inlines at its only call.
func run(v *vec, k int) int {
	mix := func() int {
		s := v.a*k + v.b*k + v.c*k + v.d*k + v.e*k + v.f*k + v.g*k + v.h*k
		t := v.a ^ v.b ^ v.c ^ v.d ^ v.e ^ v.f ^ v.g ^ v.h
		return s*t + (s-t)*k + (s+t)*k
	}
	return mix()
}
