// Package inner is imported across the module boundary.
package inner

// Box is returned by pointer.
type Box struct{ V int }

// NewBox moves its Box to the heap.
func NewBox(v int) *Box { return &Box{V: v} }

var kept *int

// Keep lets p escape to a global.
func Keep(p *int) { kept = p }

// Map is generic: instantiated in the importing package.
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}
