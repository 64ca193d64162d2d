// Appending to a slice field of a pointer receiver.
package p

type log struct{ lines []string }

func (l *log) add(s string) {
	l.lines = append(l.lines, s)
}
