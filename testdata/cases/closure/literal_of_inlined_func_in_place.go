// A function literal of an inlined function, made there and not called, is a function of
// its own in each copy: its lines print where the literal is written, once per copy.
package p

func adder(n int) func(int) int {
	return func(x int) int {
		s := make([]int, x)
		return len(s) + n
	}
}

var table = map[string]func(int) int{
	"one": adder(1),
	"two": adder(2),
}
