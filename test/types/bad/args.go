package p

func g(x int) int { return x }

func f() int {
	return g(1, 2)
}
