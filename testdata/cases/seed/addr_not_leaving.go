// Decision flowchart: the address is taken but does not leave the function.
package p

func bump(p *int) { *p++ }

func addrNotLeaving() int {
	x := 1
	bump(&x)
	return x
}
