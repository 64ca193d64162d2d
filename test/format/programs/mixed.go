package p

import "fmt"

type T struct{ a, b int; p *int }

func leak(p *int) *int { return p }

var g *int

func store(p *int) { g = p }

func f(n int) {
	x := 1
	store(&x)
	s := make([]int, n)
	_ = s
	fmt.Println("<script>", n)
	y := &T{a: 1}
	g = y.p
	m := map[string]int{}
	m["a"] = 1
	c := func() int { return n + x }
	_ = c()
}
