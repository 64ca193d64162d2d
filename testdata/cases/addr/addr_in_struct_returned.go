// A struct holding a local's address, returned by value, drags the local to the heap.
package p

type holder struct{ p *int }

func makeHolder() holder {
	v := 5
	return holder{p: &v}
}
