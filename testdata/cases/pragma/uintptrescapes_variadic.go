// //go:uintptrescapes with a variadic uintptr parameter.
package p

import "unsafe"

//go:uintptrescapes
func multi(args ...uintptr) int {
	return len(args)
}

func callMulti() int {
	var a, b int
	return multi(uintptr(unsafe.Pointer(&a)), uintptr(unsafe.Pointer(&b)))
}
