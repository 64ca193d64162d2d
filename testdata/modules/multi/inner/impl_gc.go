//go:build gc

package inner

// Impl exists once: this file needs the gc tag.
func Impl() string { return "gc" }
