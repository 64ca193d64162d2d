// A promoted method through an embedded pointer dereferences it implicitly.
package p

type inner struct{ n int }

func (i *inner) get() *int { return &i.n }

type outer struct {
	*inner
}

func through(o outer) *int {
	return o.get()
}
