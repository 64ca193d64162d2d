// A parameter stored in a global leaks to the heap.
package p

var keep *int

func store(p *int) {
	keep = p
}

func caller() {
	x := 1
	store(&x)
}
