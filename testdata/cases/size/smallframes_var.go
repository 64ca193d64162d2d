// Between 64 KiB and 128 KiB for a declared array: heap only under -smallframes.
package p

func midVar() byte {
	var buf [96 * 1024]byte
	buf[1] = 3
	return buf[1]
}
