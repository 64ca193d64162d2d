package p

type Node struct {
	next *Node
	val  *int
}

var sink interface{}

func keep(n *Node) *Node { return n.next }

func content(n *Node) { sink = n.val }

func chain(a, b *Node) { a.next = b }

func build(k int) *Node {
	v := k
	n := &Node{val: &v}
	m := &Node{}
	chain(n, m)
	return n
}

func big() {
	var buf [1 << 20]byte
	_ = buf
	s := make([]byte, 1<<17)
	_ = s
}

func closure() func() int {
	x := 0
	return func() int { x++; return x }
}

func iface(x int) interface{} { return x }

func cycle() *int {
	var a, b *int
	v := 1
	a = &v
	for i := 0; i < 3; i++ {
		b = a
		a = b
	}
	return a
}
