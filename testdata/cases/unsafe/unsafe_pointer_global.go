// An unsafe.Pointer stored globally.
package p

import "unsafe"

var raw unsafe.Pointer

func stash(x *int) {
	raw = unsafe.Pointer(x)
}

func use() {
	v := 1
	stash(&v)
}
