// An array inside a struct: the address of an element.
package p

type grid struct{ cells [9]int }

func center(g *grid) *int {
	return &g.cells[4]
}
