// A method value of a generic type.
package p

type box[T any] struct{ v T }

func (b *box[T]) get() T { return b.v }

func getter() func() int {
	b := &box[int]{v: 3}
	return b.get
}
