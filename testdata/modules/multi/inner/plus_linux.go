// +build linux,!cgo

package inner

// plusBuild is chosen by an old-style constraint.
func plusBuild() *int { v := 1; return &v }
