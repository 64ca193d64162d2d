// A method value from a concrete pointer stored in a local func variable and passed on.
package p

type timer struct{ ticks int }

func (t *timer) tick() { t.ticks++ }

func repeat(f func(), n int) {
	for i := 0; i < n; i++ {
		f()
	}
}

func run() int {
	var t timer
	repeat(t.tick, 3)
	return t.ticks
}
