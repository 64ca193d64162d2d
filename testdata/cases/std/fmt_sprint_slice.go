// fmt.Sprint of a slice built locally.
package p

import "fmt"

func render(n int) string {
	xs := make([]int, n)
	for i := range xs {
		xs[i] = i * i
	}
	return fmt.Sprint(xs)
}
