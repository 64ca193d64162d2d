// Ranging over an integer.
package p

func triangle(n int) int {
	t := 0
	for i := range n {
		t += i
	}
	return t
}
