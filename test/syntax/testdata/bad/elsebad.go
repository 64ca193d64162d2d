package p
func f() {
	if x {
	} else x = 1
}
