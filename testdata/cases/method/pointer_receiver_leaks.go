// A pointer method that stores its receiver makes the caller's value escape.
package p

type node struct{ v int }

var registry []*node

func (n *node) register() {
	registry = append(registry, n)
}

func make1() {
	var n node
	n.register()
}
