//go:build linux && amd64

// Every construct the front end must accept, in one file.
package features

import (
	"fmt"
	. "math"
	_ "os"
	str "strings"
)

const (
	A = iota
	B
	C, D = 1 << iota, "d"
)

var (
	hex, oct, bin = 0xFF_FF, 0o17, 0b1010
	legacyOct     = 017
	floats        = []float64{1.5, .5, 1., 1e10, 1.5e-3, 0x1p-2, 0x1.8p+1, 1_000.000_1}
	imag          = 2i + 1.5i + 0x10i
	runes         = []rune{'a', '\n', '\'', '\x41', '\u00e9', '\U0001F600', '\101', 'é'}
	strs          = []string{"a\tb", `raw
string`, "\"q\"", "é\u00e9"}
)

type Number interface {
	~int | ~int64 | float64
}

type List[T any] struct {
	items []T
	next  *List[T]
}

type Pair[K comparable, V any] struct {
	Key K `json:"key"`
	Val V `json:"val,omitempty"`
}

type Embedding struct {
	*List[int]
	fmt.Stringer
	Pair[string, int]
	x, y int "tag"
}

type Alias = List[string]

type Arr [4]int

type Fn func(int, ...string) (bool, error)

type Ch struct {
	a chan int
	b <-chan int
	c chan<- int
	d chan (<-chan int)
}

func Sum[T Number](xs ...T) (total T) {
	for _, x := range xs {
		total += x
	}
	return
}

func (l *List[T]) Push(v T) *List[T] {
	return &List[T]{items: append(l.items, v), next: l}
}

func (Embedding) Method() {}

//go:noinline
func control(n int, ch chan int, done <-chan struct{}) (err error) {
	defer func() { recover() }()
	go func(x int) {}(n)
outer:
	for i := 0; i < n; i++ {
		switch {
		case i == 1:
			continue outer
		case i > 5:
			break outer
		default:
			fallthrough
		case i < 0:
		}
	}
	for i := range 10 {
		_ = i
	}
	for range n {
	}
	for k, v := range map[string]int{"a": 1} {
		_, _ = k, v
	}
	for range func(yield func(int) bool) {} {
	}
	if p := (Pair[string, int]{Key: "x"}); p.Val == 0 {
	}
	for _, v := range []int{1, 2} {
		_ = v
	}
	switch x := any(n).(type) {
	case int, string:
		_ = x
	case nil:
	case func() error, map[string][]int, *List[int], []struct{}:
	}
	select {
	case v := <-ch:
		_ = v
	case ch <- 1:
	case <-done:
	default:
	}
	goto end
end:
	var f = (*List[int]).Push
	_ = f
	g := Sum[float64]
	_ = g
	m := str.ToUpper
	_, _ = m, Pi
	a := [...]int{1, 2, 3}
	s := a[1:2:3]
	s = a[:]
	s = a[1:]
	_ = s[len(s)-1]
	u := uint8(n)
	_ = []byte("x")
	_ = (func())(nil)
	_ = (<-chan int)(nil)
	_ = interface{ M() }(nil)
	_ = struct{ x int }{x: 1}
	x := &Embedding{}
	x.x++
	x.y--
	u <<= 2
	u &^= 1
	_ = !true && u != 0 || -n > +n && ^n < 0
	_ = n*2 + n/2 - n%2&n | n ^ n<<1>>1&^n
	return fmt.Errorf("%d", u)
}
