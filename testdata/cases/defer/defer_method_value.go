// Deferring a method call on a local.
package p

type lock struct{ held bool }

func (l *lock) unlock() { l.held = false }

func critical() bool {
	var l lock
	l.held = true
	defer l.unlock()
	return l.held
}
