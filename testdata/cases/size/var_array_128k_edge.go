// An explicitly declared array of exactly 128 KiB stays on the stack.
package p

func explicitAtLimit() byte {
	var buf [128 * 1024]byte
	buf[7] = 1
	return buf[7]
}
