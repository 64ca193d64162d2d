package p

func f() int {
	x := y + 1
	return x
}
