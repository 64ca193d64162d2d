// The methods of a generic type share one dictionary: a method of a type parameter called
// in a later method takes the word after those the earlier methods called.
package p

var sink any

type valuer interface {
	make(n int) []byte
	text(b []byte) string
}

type box[V valuer] struct{ v V }

func (b box[V]) first() []byte { return b.v.make(4) }

func (b *box[V]) second(s []byte) {
	sink = "<" + b.v.text(s)
}

type raw struct{ p *int }

func (r raw) make(n int) []byte    { return make([]byte, n) }
func (r raw) text(b []byte) string { return string(b) }

func use(b *box[raw], s []byte) []byte {
	b.second(s)
	return b.first()
}
