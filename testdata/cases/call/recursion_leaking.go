// A recursive function that stores its argument.
package p

var seen []*int

func walk(p *int, n int) {
	if n == 0 {
		seen = append(seen, p)
		return
	}
	walk(p, n-1)
}
