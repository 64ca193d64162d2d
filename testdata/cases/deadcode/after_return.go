// Statements after a terminating statement (return, panic, an if whose branches all
// terminate) are not compiled, unless a label follows.
package p

var sink any

func early(x int) *int {
	return nil
	y := x // dead
	sink = &y
	return &y
}

func afterPanic(s string) {
	panic(s)
	sink = &s // dead
}

func labelled(n int) *int {
	if true {
		goto out
	}
	sink = &n // dead: the if always terminates
out:
	m := n
	return &m
}
