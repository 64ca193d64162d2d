// A comma-ok assertion to a type parameter in a generic method: in the shape body gc reads the
// asserted type from the dictionary (ODYNAMICDOTTYPE2), printed as <node DYNAMICDOTTYPE2>.
package p

type F[T any] func(string, T) int

func (f F[T]) Any(key string, val any) int {
	v, _ := val.(T)
	return f(key, v)
}

var sink any

func use() {
	var g F[*int] = func(s string, p *int) int { sink = p; return 0 }
	sink = g
}
