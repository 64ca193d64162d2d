// &T{} used only locally stays on the stack.
package p

type pair struct{ a, b int }

func swapSum(x, y int) int {
	p := &pair{x, y}
	p.a, p.b = p.b, p.a
	return p.a - p.b
}
