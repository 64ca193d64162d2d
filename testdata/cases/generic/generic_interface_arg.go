// A type parameter value passed to an interface parameter.
package p

var sink any

func keep[T any](v T) {
	sink = v
}

func useKeep() {
	keep(42)
	keep("s")
}
