package wrappers

// Base declares its methods in this file; Full (full.go) embeds it, and the wrappers of
// Full's methods that Base declares print their parameters at this file's positions.
type Base interface {
	Do(ctx *int, n int) *int
}
