// A generic container type with a pointer-receiver method.
package p

type stack[T any] struct{ items []T }

func (s *stack[T]) push(v T) { s.items = append(s.items, v) }

func (s *stack[T]) pop() T {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func useStack() int {
	var s stack[int]
	s.push(1)
	s.push(2)
	return s.pop()
}
