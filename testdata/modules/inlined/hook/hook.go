// Package hook returns a function literal from an inlinable function: inlined into its
// caller in another package, the literal is copied there as a closure of that package,
// whose parameter lines name the parameter bare (`t does not escape`) while its locals are
// qualified (`moved to heap: hook.x`).
package hook

type T struct{ h func() }

var sink any

func Hook(h func()) func(t *T) {
	return func(t *T) {
		x := 1
		sink = &x
		t.h = h
	}
}

func Apply(f func(t *T)) { f(&T{}) }

// Its literal's unnamed result is named bare in the copied closure's lines too
// (`leaking param: p to result ~r0 level=0`).
func Identity() func(p *int) *int {
	return func(p *int) *int { return p }
}

// A generic callee's unnamed result, inlined, is named in the caller's package: `~r0
// escapes to heap`, where the instance's own lines say `hook.~r0`.
func Count[T any](xs []T) int { return len(xs) + 1 }
