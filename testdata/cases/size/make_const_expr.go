// A size written as a constant expression.
package p

const pageSize = 4096

func pages() int {
	buf := make([]byte, 2*pageSize)
	big := make([]byte, 20*pageSize)
	return len(buf) + len(big)
}
