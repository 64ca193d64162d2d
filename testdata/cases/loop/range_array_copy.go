// Ranging over an array value copies it; over a pointer to an array does not.
package p

func arrays(a [8]int, pa *[8]int) int {
	t := 0
	for _, v := range a {
		t += v
	}
	for _, v := range pa {
		t += v
	}
	return t
}
