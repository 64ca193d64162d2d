// Assigning through a field reached by two dereferences.
package p

type holder struct{ p *int }

func setDeep(h **holder, v *int) {
	(*h).p = v
}
