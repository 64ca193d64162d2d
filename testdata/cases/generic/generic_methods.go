// Methods of a generic type: every method is instantiated, called or not.
package p

type ring[T any] struct {
	items []T
	next  int
}

func (r *ring[T]) put(v T) {
	if len(r.items) == 0 {
		r.items = make([]T, 4)
	}
	r.items[r.next] = v
	r.advance()
}

func (r *ring[T]) advance() { r.next = (r.next + 1) % len(r.items) }

func (r *ring[T]) snapshot() []T {
	out := make([]T, len(r.items))
	copy(out, r.items)
	return out
}

func (r ring[T]) size() int { return len(r.items) }

func useRing(p *int) int {
	var r ring[*int]
	r.put(p)
	return r.size()
}
