package p

// The dictionary's length shows in -m: a type declared inside a generic method is derived
// (it has the method's type parameters implicitly), and a branch under a constant false
// condition is never written, so it has no words.

type List[T any] struct{ items []T }

func (l *List[T]) Len() int { return len(l.items) }

func (l *List[T]) Items() []T {
	out := make([]T, 0, l.Len())
	return append(out, l.items...)
}

func (l *List[T]) Walk() int {
	type frame struct{ n int }
	var stack []frame
	stack = append(stack, frame{0})
	return len(stack)
}

func (l *List[T]) Split() []T {
	const sliceItems = true
	if sliceItems {
		return l.items[1:]
	} else {
		x := make([]T, len(l.items))
		copy(x, l.items)
		m := map[int][]T{0: x}
		return m[0]
	}
}

func Use(l *List[any]) []any { return l.Items() }
