// A value receiver is a copy: nothing escapes.
package p

type vec struct{ x, y float64 }

func (v vec) len2() float64 { return v.x*v.x + v.y*v.y }

func norm(x, y float64) float64 {
	v := vec{x, y}
	return v.len2()
}
