// A callee carrying //go:uintptrescapes among the assigned functions: go1.27 gives up and
// treats the call as unknown.
package p

import "unsafe"

//go:uintptrescapes
func sys(a uintptr) {}

func plain(a uintptr) {}

func call(c bool) {
	f := plain
	if c {
		f = sys
	}
	x := 1
	f(uintptr(unsafe.Pointer(&x)))
}
