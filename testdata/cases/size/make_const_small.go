// A constant-size make that stays local lives on the stack.
package p

func small() int {
	buf := make([]byte, 64)
	return len(buf)
}
