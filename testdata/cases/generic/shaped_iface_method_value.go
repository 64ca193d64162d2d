// A method value of a generic interface in a shape body converts its receiver to the
// interface's shaped type first, and gc prints the conversion; a concrete body does not.
package p

type source[N any] interface{ items() []N }

type holder[N any] struct{ src source[N] }

func call[N any](f func() []N) int { return len(f()) }

func (h *holder[N]) count() int { return call(h.src.items) }

func direct[N any](s source[N]) int { return call(s.items) }

func concrete(h *holder[float64]) int { return call(h.src.items) }

func use() int { return (&holder[float64]{}).count() + direct[int](nil) }
