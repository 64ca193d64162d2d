// A generic linked list.
package p

type list[T any] struct {
	head *elem[T]
}

type elem[T any] struct {
	v    T
	next *elem[T]
}

func (l *list[T]) add(v T) { l.head = &elem[T]{v, l.head} }

func build() int {
	var l list[int]
	l.add(1)
	l.add(2)
	return l.head.v
}
