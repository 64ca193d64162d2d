// make of slices (constant and variable size), maps (hint), channels.
package p

var sinkS []int
var sinkM map[int]int

func makeConstLocal() int {
	s := make([]int, 10)
	return len(s)
}

func makeConstEscapes() []int { return make([]int, 10) }

func makeVarLocal(n int) int {
	s := make([]int, n)
	return len(s)
}

func makeVarEscapes(n int) { sinkS = make([]int, n) }

func makeStaticLocal() int {
	n := 8
	s := make([]byte, n)
	return len(s)
}

func makeTooBig() int {
	s := make([]byte, 1<<20)
	return len(s)
}

func mapLocal() int {
	m := make(map[int]int)
	m[1] = 2
	return len(m)
}

func mapHint(n int) int {
	m := make(map[int]int, n)
	m[1] = 2
	return len(m)
}

func mapBigHint() int {
	m := make(map[int]int, 100)
	m[1] = 2
	return len(m)
}

func mapEscapes() { sinkM = make(map[int]int) }

func mapLit() { sinkM = map[int]int{1: 2, 3: 4} }

func mapLitLocal() int {
	m := map[int]int{1: 2}
	return m[1]
}

func chans(n int) int {
	c := make(chan int, n)
	d := make(chan struct{})
	close(d)
	return cap(c)
}
