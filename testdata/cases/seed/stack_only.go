// Article example 1: a value returned by copy never leaves the frame.
package p

func stackOnly() int {
	x := 42
	return x
}
