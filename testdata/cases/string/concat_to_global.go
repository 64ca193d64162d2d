// A concatenation stored in a package variable.
package p

var message string

func setMessage(kind, text string) {
	message = kind + ": " + text
}
