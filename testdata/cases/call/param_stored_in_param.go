// Storing one parameter into another's pointee leaks it to the heap.
package p

type box struct{ p *int }

func put(b *box, p *int) {
	b.p = p
}
