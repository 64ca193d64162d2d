// The address of a nested field.
package p

type inner struct{ v int }
type outer struct{ in inner }

func nested() *int {
	var o outer
	return &o.in.v
}
