// A range-over-func loop: the loop body becomes a closure.
package p

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func sumSeq(n int) int {
	t := 0
	for v := range seq(n) {
		t += v
	}
	return t
}
