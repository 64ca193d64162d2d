// An anonymous struct with a pointer field.
package p

func anon() *int {
	v := 3
	s := struct{ p *int }{&v}
	return s.p
}
