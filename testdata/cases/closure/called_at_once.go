// A closure called where it is written: nothing escapes.
package p

func immediate(x int) int {
	return func() int { return x * 2 }()
}
