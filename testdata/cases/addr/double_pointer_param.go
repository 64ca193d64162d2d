// A parameter whose pointee is stored globally leaks its content.
package p

var saved *int

func keepInner(pp **int) {
	saved = *pp
}
