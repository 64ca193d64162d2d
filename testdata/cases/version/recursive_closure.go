// A recursive closure through a bare-declared func variable (`var visit func(...)` then
// `visit = func(...) { ... visit(...) }`), the shape of BurntSushi/toml's encoder: go1.27
// resolves both the outer and the recursive call to the closure, so its parameters no longer
// leak through an unknown callee.
package p

type node struct {
	kids []*node
	val  int
}

func sum(root *node) int {
	total := 0
	var visit func(n *node, depth int)
	visit = func(n *node, depth int) {
		for _, k := range n.kids {
			visit(k, depth+1)
		}
		total += n.val * depth
	}
	visit(root, 0)
	return total
}

func count(root *node) (n int) {
	var (
		seen  = 0
		visit func(n *node)
	)
	visit = func(x *node) {
		seen++
		for _, k := range x.kids {
			visit(k)
		}
	}
	visit(root)
	return seen
}
