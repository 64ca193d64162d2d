// The address of a struct field is the address of the struct.
package p

type point struct{ x, y int }

func xOf() *int {
	var pt point
	return &pt.x
}
