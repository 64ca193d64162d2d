// Slicing a local array takes its address; used locally it stays on the stack.
package p

func sumArray() int {
	var arr [8]int
	s := arr[:]
	for i := range s {
		s[i] = i
	}
	return s[7]
}
