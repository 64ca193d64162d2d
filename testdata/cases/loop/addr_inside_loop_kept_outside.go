// A variable declared outside a loop whose address is stored into a variable inside it.
package p

func lastAddr(n int) int {
	var p *int
	for i := 0; i < n; i++ {
		v := i
		p = &v
	}
	if p == nil {
		return 0
	}
	return *p
}
