// whatif: --set limits.closureByValueMaxSize=0
// flips: + :6:2: counter capturing by ref: x
package p

func counter() func() int {
	x := 1
	return func() int { return x }
}
