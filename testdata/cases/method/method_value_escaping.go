// A method value returned binds its receiver, which then escapes.
package p

type acc struct{ n int }

func (a *acc) get() int { return a.n }

func getter() func() int {
	a := &acc{n: 5}
	return a.get
}
