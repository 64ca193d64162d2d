// Between 16 KiB and 64 KiB: stack normally, heap under -smallframes.
package p

func mid() byte {
	buf := make([]byte, 32*1024)
	return buf[3]
}
