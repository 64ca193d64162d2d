// A defer inside a goto loop is in a loop too.
package p

func repeated(n int) {
	i := 0
loop:
	defer func() { println(i) }()
	i++
	if i < n {
		goto loop
	}
}
