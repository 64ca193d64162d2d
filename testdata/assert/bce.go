package p

func first(xs []int) int {
	if len(xs) == 0 {
		return 0
	}
	return xs[0] //gcassert:bce
}

func both(xs []int, i int) int {
	//gcassert:bce,noescape
	return xs[i]
}
