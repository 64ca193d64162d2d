// make inside a loop with a constant size, used per iteration.
package p

func chunks(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		buf := make([]byte, 128)
		buf[0] = byte(i)
		t += int(buf[0])
	}
	return t
}
