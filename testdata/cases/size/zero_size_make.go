// A make of zero-size elements.
package p

func zeroSize(n int) int {
	a := make([]struct{}, n)
	b := make([]struct{}, 10)
	return len(a) + len(b)
}
