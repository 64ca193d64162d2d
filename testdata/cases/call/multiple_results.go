// Each result has its own leak level.
package p

func split(a, b *int) (*int, *int) {
	return b, a
}
