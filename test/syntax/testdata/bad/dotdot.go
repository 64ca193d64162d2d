package p
func f() {
	x := a..b
}
