// Closures, method values, go and defer.
package p

type T struct{ a int }

func (t *T) Get() int { return t.a }

func (t T) Val() int { return t.a }

var sinkF func() int

func byValue(x int) { sinkF = func() int { return x } }

func byRef(x int) {
	sinkF = func() int { x++; return x }
}

func noCapture() { sinkF = func() int { return 1 } }

func localClosure(x int) int {
	f := func() int { return x + 1 }
	return f()
}

func methodValue(t *T) { sinkF = t.Get }

func methodValueVal(t T) { sinkF = t.Val }

func work(x int) {}

func goStmt(x int) {
	go work(x)
}

func goLit(x, y int) {
	go func() { work(x + y) }()
}

func deferOpen(x int) {
	defer work(x)
}

func deferLoop(n int) {
	for i := 0; i < n; i++ {
		defer work(i)
	}
}
