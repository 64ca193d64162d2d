// whatif: --set inline.budget=160
// flips: - :9:6: cannot inline mix: function too complex: cost 86 exceeds budget 80
package p

type vec struct{ a, b, c, d, e, f, g, h int }

// The body costs more than gc's budget of 80: not inlinable by default, inlinable with
// twice the budget.
func mix(v *vec, k int) int {
	s := v.a*k + v.b*k + v.c*k + v.d*k + v.e*k + v.f*k + v.g*k + v.h*k
	t := v.a ^ v.b ^ v.c ^ v.d ^ v.e ^ v.f ^ v.g ^ v.h
	return s*t + (s-t)*k + (s+t)*k
}
