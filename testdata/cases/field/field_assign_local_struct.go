// A local struct whose field points at another local: nothing escapes.
package p

type pair struct{ a, b *int }

func local() int {
	x, y := 1, 2
	pr := pair{&x, &y}
	return *pr.a + *pr.b
}
