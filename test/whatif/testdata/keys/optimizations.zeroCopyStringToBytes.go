// whatif: --set optimizations.zeroCopyStringToBytes=false
// flips: - :6:14: zero-copy string->[]byte conversion
package p

func zeroCopy(s string) int {
	b := []byte(s)
	return len(b)
}
