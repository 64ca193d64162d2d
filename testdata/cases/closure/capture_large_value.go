// A variable larger than 128 bytes is captured by reference even when never reassigned.
package p

type big struct{ data [32]int }

func reader(b big) func() int {
	return func() int { return b.data[3] }
}
