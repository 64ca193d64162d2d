package p

type point struct{ x, y int }

var sink *point

var anySink any

//gcassert:noescape
func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func leak() {
	p := &point{1, 2} //gcassert:noescape
	sink = p
}

func local() int {
	//gcassert:noescape
	p := &point{1, 2}
	return p.x
}

//goesc:noescape
func moved() *int {
	x := 1
	return &x
}

func boxed(n int) {
	// gcassert:noescape
	anySink = n
}

// A comment block may stand between the directive and its line.
//
//gcassert:noescape
func closure() func() int {
	y := 2
	return func() int { return y }
}

func slices(n int) int {
	s := make([]int, 8) //goesc:noescape
	big := make([]int, n) //goesc:noescape
	return len(s) + len(big)
}
