// println's arguments do not escape even though they are interfaces-like.
package p

func logValues(a int, s string, p *int) {
	println(a, s, p)
}
