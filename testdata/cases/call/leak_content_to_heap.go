// Storing *pp in a global leaks the content of pp.
package p

var g *int

func leakContent(pp **int) {
	g = *pp
}

func caller() {
	x := 1
	p := &x
	leakContent(&p)
}
