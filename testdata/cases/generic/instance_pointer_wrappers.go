// Each instantiated generic type gets a pointer wrapper for every value-receiver method, for
// the concrete instance and for its shape: (*Box[int]).Get calls Box[int].Get(*b), and
// (*Box[go.shape.int]).Get takes the dictionary and calls Box[go.shape.int].Get(b, .dict).
// gc prints no -m line for them, but -m=2 explains how their parameters leak.
package p

type Box[V any] struct{ v *V }

func (b Box[V]) Get() *V { return b.v }

func (b Box[V]) Keep(p *V) { sink = p }

type Table[K comparable, V any] map[K]V

func (t Table[K, V]) First() V {
	for _, v := range t {
		return v
	}
	var zero V
	return zero
}

var sink any

func Use() int {
	n := *Box[int]{}.Get() + len(Table[string, []int]{}.First())
	Box[string]{}.Keep(new(string))
	return n
}
