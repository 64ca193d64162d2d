// The size can be any integer constant type.
package p

func typedConst() int {
	const n uint8 = 255
	buf := make([]int64, n)
	return len(buf)
}
