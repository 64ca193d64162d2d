package p

var out any

func conv() {
	x := 300
	out = x
	y := "hello"
	out = y
	z := 7
	z++
	out = z
}

func makeConst() int {
	n := 10
	s := make([]int, n)
	lit := []int{1, 2, 3}
	t := make([]int, len(lit))
	return len(s) + len(t)
}

func zeroCopy(s string) int {
	b := []byte(s)
	c := []byte(s)
	c[0] = 1
	return len(b) + len(c)
}
