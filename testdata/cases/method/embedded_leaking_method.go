// A promoted method that leaks its receiver leaks the embedding struct.
package p

type base struct{ v int }

var all []*base

func (b *base) track() { all = append(all, b) }

type wrapper struct {
	base
}

func use() {
	w := wrapper{}
	w.track()
}
