package p

// Indexing with a value masked below the length needs no bounds check; gc says so at -m
// (walk's walkIndex: n.Bounded()), goesc does not model it yet. Found by the fuzzer.

func mask(x int, q *int) *int {
	var a [2]*int
	a[x&1] = q
	return a[0]
}

func shift(x uint8, s []int) int {
	var t [256]int
	t[x] = len(s)
	return t[x>>1]
}

func mod(x uint, q *int) *int {
	ps := [4]*int{q, q, q, q}
	return ps[x%4]
}
