// //go:norace does not change escape analysis.
package p

var g *int

//go:norace
func publish(x *int) {
	g = x
}
