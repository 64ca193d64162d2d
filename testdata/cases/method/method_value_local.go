// A method value called locally does not escape.
package p

type acc struct{ n int }

func (a *acc) add(v int) { a.n += v }

func useMethodValue() int {
	var a acc
	f := a.add
	f(1)
	f(2)
	return a.n
}
