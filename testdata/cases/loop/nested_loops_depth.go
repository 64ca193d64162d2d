// A variable declared in an outer loop, assigned the address of one in an inner loop.
package p

func nested(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		var p *int
		for j := 0; j < n; j++ {
			v := i * j
			p = &v
		}
		if p != nil {
			total += *p
		}
	}
	return total
}
