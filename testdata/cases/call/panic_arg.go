// The argument of panic escapes.
package p

type failure struct{ msg string }

func mustPositive(n int) {
	if n < 0 {
		panic(&failure{msg: "negative"})
	}
}
