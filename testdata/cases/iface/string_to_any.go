// A string converted to an escaping interface.
package p

var sink any

func boxString(s string) {
	sink = s
}
