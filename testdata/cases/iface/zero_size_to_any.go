// Zero-size values point at runtime.zerobase and need no allocation.
package p

type empty struct{}

var sink any

func boxEmpty() {
	sink = empty{}
	var arr [0]int
	sink = arr
}
