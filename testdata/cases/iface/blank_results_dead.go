// Blanks on the left of := are no variables: gc's dead-locals pass turns what they receive
// into 0 before escape analysis, and temporaries number without them.
package p

func parts(s string) (int, *int, string, error) { return 0, nil, s, nil }

func keep(s string) string {
	a, _, c, _ := parts(s)
	_ = a
	return c
}

func assertPtr(v any) *int {
	p, _ := v.(*int)
	return p
}

func lookupPtr(m map[string]*int, k string) *int {
	p, _ := m[k]
	return p
}
