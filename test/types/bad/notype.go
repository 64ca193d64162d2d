package p

func f(x int) {
	x.y = 2
	var s []int
	s.Len()
	_ = s == s
}
