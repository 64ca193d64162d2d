// A closure that returns the address of its captured variable.
package p

func pointerMaker() func() *int {
	v := 0
	return func() *int { return &v }
}
