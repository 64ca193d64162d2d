// whatif: --set limits.maxStackAlign=4
// flips: + :6:2: moved to heap: x
package p

func aligned() int64 {
	x := new(int64)
	*x = 1
	return *x
}
