// A generic function returning its argument.
package p

func id[T any](v T) T { return v }

func useID() *int {
	x := 1
	return id(&x)
}
