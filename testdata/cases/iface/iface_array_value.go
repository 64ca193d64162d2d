// A small array converted to an interface is copied into a box.
package p

var sink any

func boxArray(x, y int) {
	sink = [2]int{x, y}
}
