// A slice literal returned escapes.
package p

func primes() []int {
	return []int{2, 3, 5, 7, 11}
}
