package p
func f() {
	var := 1
}
