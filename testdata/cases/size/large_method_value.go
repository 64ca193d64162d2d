// A method value binding a receiver over 64 KiB is too large for the stack.
package p

type table struct{ cells [70000]byte }

func (t table) first() byte { return t.cells[0] }

func boundMethod(t table) byte {
	f := t.first
	return f()
}
