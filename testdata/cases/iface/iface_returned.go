// A converted value returned as an interface.
package p

func wrap(n int) any {
	return n
}

func wrapFloat(f float64) any {
	return f
}
