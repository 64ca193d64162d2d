// new(T) returned escapes; new(T) kept local does not.
package p

func alloc() *float64 {
	return new(float64)
}

func scratch() float64 {
	f := new(float64)
	*f = 3.5
	return *f * 2
}
