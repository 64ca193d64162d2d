// A method value with a value receiver copies the receiver into the closure.
package p

type label struct{ s string }

func (l label) text() string { return l.s }

func bindText(l label) func() string {
	return l.text
}
