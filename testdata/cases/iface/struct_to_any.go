// A struct value converted to an interface.
package p

type point struct{ x, y int }

var sink any

func boxPoint(x, y int) {
	sink = point{x, y}
}

func localPoint(x, y int) string {
	var v any = point{x, y}
	_, ok := v.(point)
	if ok {
		return "point"
	}
	return "other"
}
