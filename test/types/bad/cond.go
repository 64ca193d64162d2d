package p

func f(x int) {
	if x {
	}
	for x {
	}
}
