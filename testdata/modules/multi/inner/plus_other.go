// +build windows cgo

package inner

func plusBuild() *int { return nil }
