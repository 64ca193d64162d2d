// A type parameter constrained to pointers.
package p

type setter[T any] interface {
	*T
	set(int)
}

type cell struct{ v int }

func (c *cell) set(v int) { c.v = v }

func initAll[T any, PT setter[T]](n int) []T {
	out := make([]T, n)
	for i := range out {
		PT(&out[i]).set(i)
	}
	return out
}

func useInit() int {
	return len(initAll[cell](4))
}
