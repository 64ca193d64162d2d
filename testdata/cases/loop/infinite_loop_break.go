// A for {} loop with a break.
package p

func firstEven(xs []int) *int {
	i := 0
	for {
		if i >= len(xs) {
			return nil
		}
		if xs[i]%2 == 0 {
			break
		}
		i++
	}
	return &xs[i]
}
