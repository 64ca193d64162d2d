package p

type mid struct{ a [100000]byte }

type small struct{ a [20000]byte }

var sink any

func explicit() byte {
	var m mid // 100 kB: stack by default, heap under -smallframes (64 kB)
	var s small
	return m.a[0] + s.a[1]
}

func implicit() byte {
	p := new([20000]byte) // 20 kB: over the 16 kB implicit limit of -smallframes
	q := &small{}
	r := new([8000]byte)
	return p[0] + q.a[0] + r[0]
}

func makes(n int) int {
	a := make([]byte, 30000)
	b := make([]int64, 3000)
	c := make([]byte, n)
	k := 40000
	d := make([]byte, k)
	return len(a) + len(b) + len(c) + len(d)
}

func closures() func() int {
	var big [3000]int
	x := 1
	f := func() int { return x + big[0] }
	return f
}

func noEscape() int {
	var m [5000]int
	return m[0]
}
