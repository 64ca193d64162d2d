// Storing an address in a package variable makes it escape.
package p

var last *int

func remember(v int) {
	x := v * 2
	last = &x
}
