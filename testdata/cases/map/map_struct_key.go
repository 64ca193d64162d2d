// A struct key holding a pointer: the pointer leaks into the map.
package p

type key struct {
	p *int
	n int
}

func mark(m map[key]bool, p *int) {
	m[key{p, 1}] = true
}
