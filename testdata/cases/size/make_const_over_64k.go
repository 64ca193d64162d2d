// One byte over 64 KiB goes to the heap.
package p

func overLimit() byte {
	buf := make([]byte, 64*1024+1)
	return buf[100]
}
