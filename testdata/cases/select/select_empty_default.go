// A select with only a default case.
package p

func poll(n *int) int {
	select {
	default:
		return *n
	}
}
