// Nested range-over-func loops, a labelled continue of the inner loop, and iterators from
// the standard library.
package p

import (
	"maps"
	"slices"
)

func pairs(a, b []int) func(func(int, int) bool) {
	return func(yield func(int, int) bool) {
		for _, x := range a {
			for _, y := range b {
				if !yield(x, y) {
					return
				}
			}
		}
	}
}

func gen(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func search(n int, target int) (int, int) {
	for i := range gen(n) {
		for j := range gen(i) {
			if i*j == target {
				return i, j
			}
		}
	}
	return -1, -1
}

func count(a, b []int) int {
	c := 0
inner:
	for x, y := range pairs(a, b) {
		if x == y {
			continue inner
		}
		c++
	}
	return c
}

func keys(m map[string]int) []string {
	var out []string
	for k := range maps.Keys(m) {
		out = append(out, k)
	}
	return out
}

func sortedKeys(m map[string]int) []string {
	return slices.Sorted(maps.Keys(m))
}

func values(s []*int) int {
	t := 0
	for _, p := range slices.All(s) {
		t += *p
	}
	return t
}
