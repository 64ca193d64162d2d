// Package asm has a function implemented in assembly.
package asm

// Add is implemented in add_amd64.s.
func Add(a, b int) int

// Sum calls it.
func Sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s = Add(s, x)
	}
	return s
}
