// //go:noinline on a function returning a fresh pointer.
package p

type obj struct{ id int }

//go:noinline
func newObj(id int) *obj {
	return &obj{id: id}
}

func first() int {
	return newObj(1).id
}
