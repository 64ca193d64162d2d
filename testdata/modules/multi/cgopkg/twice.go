// Package cgopkg has a cgo file, left out with CGO_ENABLED=0.
package cgopkg

// Twice doubles n.
func Twice(n int) int { return 2 * n }
