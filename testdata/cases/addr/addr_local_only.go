// An address used only inside the function keeps the variable on the stack.
package p

func sumViaPointer(a, b int) int {
	total := a
	ptr := &total
	*ptr += b
	return total
}
