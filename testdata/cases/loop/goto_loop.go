// A backward goto forms a loop: the compiler treats it like a for loop.
package p

func gotoLoop(n int) int {
	var p *int
	i := 0
again:
	v := i
	p = &v
	i++
	if i < n {
		goto again
	}
	return *p
}
