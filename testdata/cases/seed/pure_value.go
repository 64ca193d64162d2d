// Decision table: a pure value, never addressed or returned by reference.
package p

type point struct{ x, y int }

func pureValue() int {
	p := point{1, 2}
	q := p
	q.x += p.y
	return q.x
}
