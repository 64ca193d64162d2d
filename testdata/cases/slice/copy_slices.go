// copy reads src and writes dst; neither leaks.
package p

func dup(dst, src []byte) int {
	return copy(dst, src)
}

func useCopy(src []byte) int {
	buf := make([]byte, 16)
	return copy(buf, src)
}
