// An explicitly declared array over 128 KiB moves to the heap.
package p

func explicitOver() byte {
	var buf [128*1024 + 1]byte
	buf[7] = 1
	return buf[7]
}
