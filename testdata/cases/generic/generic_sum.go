// A numeric generic reduction.
package p

type number interface{ ~int | ~int64 | ~float64 }

func sum[T number](xs []T) T {
	var t T
	for _, x := range xs {
		t += x
	}
	return t
}

func useSum() int {
	return sum([]int{1, 2, 3})
}
