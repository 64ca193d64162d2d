// A concrete dictionary is written whole: builder[float64]'s names newAgg[float64]'s, whose
// rtype *agg[float64] holds a box[*val[float64]]; reading that type compiles the methods of
// its shape box[go.shape.*uint8], which no body of this package calls.
package p

type box[V any] struct{ v V }

func (b *box[V]) get(f func() V) V {
	seen := []V{b.v}
	if len(seen) > 1 {
		return seen[1]
	}
	b.v = f()
	return b.v
}

type val[N any] struct{ n N }

type agg[N any] struct{ vals box[*val[N]] }

func newAgg[N any]() *agg[N] { return &agg[N]{} }

func (a *agg[N]) add() *val[N] {
	return a.vals.get(func() *val[N] { return &val[N]{} })
}

type builder[N any] struct{}

func (b builder[N]) make() func() *val[N] { return newAgg[N]().add }

func use() func() *val[float64] { return builder[float64]{}.make() }
