// A non-constant size that stays local: the compiler adds a small stack buffer.
package p

func dynamic(n int) int {
	buf := make([]int, n)
	return len(buf)
}
