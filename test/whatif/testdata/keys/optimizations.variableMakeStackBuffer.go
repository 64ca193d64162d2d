// whatif: --set optimizations.variableMakeStackBuffer=false
// flips: + :6:11: make([]byte, n) escapes to heap
package p

func variable(n int) int {
	s := make([]byte, n)
	return len(s)
}
