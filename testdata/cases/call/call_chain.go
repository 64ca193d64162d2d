// Tags compose along a chain of calls.
package p

func a(p *int) *int { return b(p) }
func b(p *int) *int { return c(p) }
func c(p *int) *int { return p }

func top() int {
	x := 1
	return *a(&x)
}
