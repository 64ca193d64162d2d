// The argument of panic is converted to an interface and escapes.
package p

func check(n int) {
	if n < 0 {
		panic(n)
	}
}
