// math.Sqrt on the fields of a struct reached through a pointer.
package p

import "math"

type vec struct{ x, y float64 }

func (v *vec) length() float64 {
	return math.Sqrt(v.x*v.x + v.y*v.y)
}

func unit(x, y float64) vec {
	v := vec{x, y}
	l := v.length()
	return vec{v.x / l, v.y / l}
}
