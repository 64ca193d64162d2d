// A closure that calls a pointer method on a captured struct.
package p

type acc struct{ n int }

func (a *acc) add(v int) { a.n += v }

func accumulate(vs []int) int {
	var a acc
	f := func(v int) { a.add(v) }
	for _, v := range vs {
		f(v)
	}
	return a.n
}
