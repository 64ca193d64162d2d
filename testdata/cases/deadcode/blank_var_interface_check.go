// `var _ I = new(T)`, the compile-time interface check, is discarded by gc's static init
// (no side effects, nothing to assign): no line. A blank var whose value calls a function
// still runs in init.
package p

type T struct{ s string }

func (*T) Error() string { return "" }

var _ error = new(T)

var _ error = (*T)(nil)

func mk() *T { return &T{} }

var _ = mk()
