// A generic type instantiated in a shape body with an argument that holds a shape is a
// shaped object to gc (reader.go objDictIdx): every argument is shapified, so the type prints
// as Sl[go.shape.struct {...}] rather than Sl[p.KV[go.shape.int,...]], and a nested instance
// is shaped first.
package p

type KV[K comparable, V any] struct {
	Key   K
	Value V
}

type Sl[T any] []T

type Box[T any] struct{ v T }

type Mp[K comparable, V any] map[K]V

func (m Mp[K, V]) Pairs() Sl[KV[K, V]] {
	r := make(Sl[KV[K, V]], 0, len(m))
	a := make([]KV[K, V], 0, len(m))
	b := make(Sl[K], 0, len(m))
	d := make(Sl[Box[KV[K, V]]], 0, len(m))
	e := make(Sl[[]KV[K, V]], 0, len(m))
	g := make(map[K]Sl[KV[K, V]])
	for k, v := range m {
		r = append(r, KV[K, V]{Key: k, Value: v})
	}
	sink(a, b, d, e, g)
	return r
}

func sink(...any) {}

func Use() int { return len(Mp[int, bool]{1: true}.Pairs()) + len(Mp[string, []int]{}.Pairs()) }
