// Package width is imported as example.net/go-width: gc names its functions width.F.
package width

// Of is the width of s.
func Of(s string) int { return len(s) }
