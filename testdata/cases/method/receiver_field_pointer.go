// Returning the address of a receiver's field leaks the receiver to the result.
package p

type point struct{ x, y int }

func (p *point) xp() *int { return &p.x }

func usePoint() int {
	pt := point{1, 2}
	*pt.xp() = 5
	return pt.x
}
