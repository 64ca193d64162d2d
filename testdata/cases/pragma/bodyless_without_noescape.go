// A bodyless declaration without //go:noescape: its pointer arguments leak.
package p

func external(p *int)

func callExternal() {
	x := 1
	external(&x)
}
