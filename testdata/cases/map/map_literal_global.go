// A map literal assigned to a package variable.
package p

var config map[string]string

func setup() {
	config = map[string]string{"mode": "fast"}
}
