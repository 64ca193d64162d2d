// A pointer parameter returned as-is leaks to the result.
package p

func identity(p *int) *int {
	return p
}

func caller() int {
	x := 3
	return *identity(&x)
}
