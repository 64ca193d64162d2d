// A uintptr parameter carries no pointer.
package p

func offset(base uintptr, i int) uintptr {
	return base + uintptr(i)*8
}
