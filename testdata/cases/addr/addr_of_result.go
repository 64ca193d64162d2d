// Taking the address of a value returned by a call gives a fresh temporary.
package p

func seven() int { return 7 }

func boxed() *int {
	v := seven()
	return &v
}
