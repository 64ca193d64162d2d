// The package the server tests edit: a leak through two calls (f → pass → store), std
// calls and a type declaration.
export const basePackage = `package p

import (
	"fmt"
	"strings"
)

var global *int

type T struct{ a, b int }

func store(p *int) {
	global = p
}

func pass(q *int) {
	store(q)
}

func f() {
	x := 0
	pass(&x)
}

func g(s string) string {
	return strings.ToUpper(s)
}

func h() {
	t := &T{1, 2}
	fmt.Println(t.a)
}
`;
