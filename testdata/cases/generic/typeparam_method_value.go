// A type parameter's method taken as a value in a shape body: gc curries the dictionary's
// function with the receiver as it is (reader.go methodExpr, curry) into a wrapper closure
// that reports no line, and whose call of an unknown function leaks the receiver.
package p

type Applier interface{ Apply(n int) error }

type Flag[T Applier] struct{ Target T }

func hook(n int, f func(int) error) error { return f(n) }

func (x *Flag[T]) Run(n int) error { return hook(n, x.Target.Apply) }

type impl struct{ v int }

func (i *impl) Apply(n int) error { i.v = n; return nil }

func Use() error {
	f := &Flag[*impl]{Target: &impl{}}
	return f.Run(1)
}
