// Variadic ...any packs each argument into an interface.
package p

var last []any

func record(args ...any) {
	last = args
}

func useRecord(n int, s string) {
	record(n, s)
}
