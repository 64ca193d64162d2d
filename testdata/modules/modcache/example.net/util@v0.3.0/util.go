// Package util joins words (v0.3.0).
package util

// Join concatenates with a space; its arguments leak to the result.
func Join(a, b string) string { return a + " " + b }

// Keep stores p in a global: p escapes.
func Keep(p *int) { kept = p }

var kept *int
