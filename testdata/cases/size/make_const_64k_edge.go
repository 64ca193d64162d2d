// 64 KiB exactly is allowed on the stack for a made slice.
package p

func atLimit() byte {
	buf := make([]byte, 64*1024)
	return buf[100]
}
