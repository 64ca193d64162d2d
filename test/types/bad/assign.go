package p

func g() int { return 1 }

func f() {
	a, b := g()
	x := 1
	x := 2
	_, _, _ = a, b, x
}
