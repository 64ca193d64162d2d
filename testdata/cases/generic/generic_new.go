// new(T) inside a generic function.
package p

func alloc[T any]() *T {
	return new(T)
}

func useAlloc() *float64 {
	return alloc[float64]()
}
