// A function stored in a variable is still an unknown callee for escape analysis.
package p

func inc(p *int) { *p++ }

func viaVar() int {
	f := inc
	x := 1
	f(&x)
	return x
}
