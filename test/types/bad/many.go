package p

import "fmt"

func f() int {
	x := a + b
	var s string = 1
	return "s"
}

func g() {
	y := 1
	z := 2
	fmt.Println(undefinedThing)
	var q int = "a"
	var r int = "b"
	var t int = "c"
	var u int = "d"
	var v int = "e"
	var w int = "f"
}
