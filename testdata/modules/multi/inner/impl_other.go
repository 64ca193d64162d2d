//go:build !gc

package inner

// Impl for other compilers; chosen only without the gc tag.
func Impl() string { return "other" }
