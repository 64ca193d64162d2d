// A parameter returned leaks to the result; the caller decides where it goes.
package p

func pass(p *int) *int {
	return p
}

var g *int

func callerEscapes() {
	x := 1
	g = pass(&x)
}

func callerKeeps() int {
	y := 2
	return *pass(&y)
}
