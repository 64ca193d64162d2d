// Two levels of embedding with a pointer method at the bottom.
package p

type a struct{ n int }

func (x *a) set(v int) { x.n = v }

type b struct{ a }
type c struct{ b }

func deep() int {
	var v c
	v.set(9)
	return v.n
}
