// Range-over-func bodies with break, continue and return: the body is a closure, the
// returned value goes through the renamed result #rv1 and #next.
package p

type list struct{ items []*int }

func (l *list) All(yield func(int, *int) bool) {
	for i, p := range l.items {
		if !yield(i, p) {
			return
		}
	}
}

func gen(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func find(l *list, want int) *int {
	for _, p := range l.All {
		if *p == want {
			return p
		}
	}
	return nil
}

func firstOver(n, limit int) (int, bool) {
	for v := range gen(n) {
		if v < 0 {
			continue
		}
		if v > limit {
			return v, true
		}
	}
	return 0, false
}

func sumUntil(n int, stop int) int {
	total := 0
	for v := range gen(n) {
		if v == stop {
			break
		}
		total += v
	}
	return total
}

func assignOuter(l *list) *int {
	var last *int
	var idx int
	for idx, last = range l.All {
	}
	_ = idx
	return last
}
