package p

type T struct{ a int }

func f(t T) int {
	return t.foo
}
