// The limit counts bytes: 8192 ints are 64 KiB, 8193 are over.
package p

func ints() int {
	a := make([]int, 8192)
	b := make([]int, 8193)
	return a[0] + b[0]
}
