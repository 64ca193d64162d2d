// Slices and buffers: the seed article's fastCopy and newBuffer, a large array, a variable-size make.
package main

//go:noinline
func newBuffer() []byte {
	return make([]byte, 1024)
}

func fastCopy(src []byte) []byte {
	dst := make([]byte, len(src))
	copy(dst, src)
	return dst
}

func sum(n int) int {
	small := make([]int, 8)
	sized := make([]int, n)
	var big [1 << 17]byte
	big[0] = 1
	t := 0
	for i := range small {
		t += small[i] + len(sized)
	}
	return t + int(big[0])
}

func main() {
	_ = fastCopy(newBuffer())
	_ = sum(3)
}
