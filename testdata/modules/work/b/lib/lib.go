// Package lib is used from the other module of the workspace.
package lib

// Pair returns a slice that escapes to the heap.
func Pair(a, b int) []int { return []int{a, b} }
