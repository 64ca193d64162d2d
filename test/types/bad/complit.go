// Struct literals gc refuses: too few or too many values, mixed forms, unknown and
// duplicate fields, also with the type elided and declared after its use.
package p

var f = []*pt{{1, 2}}
var g = pt{1, 2, 3, 4}
var h = map[string]*pt{"a": {x: 1, 2}}
var i = pt{w: 1}
var j = pt{x: 1, y: 2, x: 3}

type pt struct {
	x, y int
	z    int
}
