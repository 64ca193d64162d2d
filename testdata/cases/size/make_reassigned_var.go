// A reassigned size variable is not constant.
package p

func reassigned(flag bool) int {
	n := 100
	if flag {
		n = 200
	}
	buf := make([]byte, n)
	return len(buf)
}
