// A struct parameter passed by value whose pointer field is returned.
package p

type pair struct {
	a, b *int
}

func left(pr pair) *int {
	return pr.a
}
