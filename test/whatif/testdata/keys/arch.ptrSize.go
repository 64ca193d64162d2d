// whatif: --set arch.ptrSize=4
// flips: + :10:8: t.M does not escape
package p

type Big struct{ b [65530]byte }

func (Big) M() {}

func methodValue(t Big) {
	f := t.M
	f()
}
