package p

func f() {
	x := 1
	var y string
}
