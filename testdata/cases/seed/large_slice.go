// Decision table: backing data that is too large for the stack goes to the heap even
// when it never leaves the function.
package p

func largeSlice() byte {
	buf := make([]byte, 1<<20)
	buf[0] = 1
	return buf[len(buf)-1]
}
