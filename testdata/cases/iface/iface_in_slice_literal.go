// Elements of a []any literal are each converted to an interface.
package p

var sink []any

func pack(a int, b string, c float64) {
	sink = []any{a, b, c}
}

func packLocal(a int, b string) int {
	xs := []any{a, b}
	return len(xs)
}
