// A method call through an interface is an unknown callee: arguments leak.
package p

type shape interface {
	area(scale *float64) float64
}

func total(s shape) float64 {
	k := 2.0
	return s.area(&k)
}
