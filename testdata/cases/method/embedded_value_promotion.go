// A promoted pointer method through an embedded value takes the outer value's address.
package p

type base struct{ id int }

func (b *base) setID(v int) { b.id = v }

type derived struct {
	base
	name string
}

func configure() int {
	var d derived
	d.setID(3)
	return d.id
}
