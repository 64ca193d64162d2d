// Self-recursion: the function is analysed alone with its own tags unknown.
package p

type tree struct {
	left, right *tree
	v           int
}

func sum(t *tree) int {
	if t == nil {
		return 0
	}
	return t.v + sum(t.left) + sum(t.right)
}
