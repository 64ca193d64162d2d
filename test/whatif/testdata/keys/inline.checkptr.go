// whatif: --set inline.checkptr=true
// flips: + :8:6: cannot inline offset: marked go:nocheckptr
package p

// Under -d=checkptr, a function marked go:nocheckptr is not inlinable.
//
//go:nocheckptr
func offset(x int) int { return x + 8 }

func use(x int) int { return offset(x) * 2 }
