package p

import (
	"fmt"
	"strings"
	"bytes"
)

type T struct{ a, b int; p *int }
type S struct{ *T; q []int }

func (t *T) M() {}
func (t T) V() int { return t.a }

var sink interface{}

func f1(n int, s string, b []byte) {
	sink = make([]int, n)
	sink = &T{a: 1}
	sink = T{}
	sink = []int{1, 2}
	sink = func() {}
	sink = new(T)
	sink = "abc" + s
	sink = string(b)
	sink = []byte(s)
	sink = n
	sink = n + 1
	sink = s[1:]
	sink = b[:2]
	fmt.Println(n, s)
	sink = strings.Builder{}
	sink = &bytes.Buffer{}
	sink = map[string]int{"a": 1}
	sink = map[string]int{}
	sink = []rune(s)
	sink = string(rune(n))
	var t T
	sink = t.M
	sink = t.V
	sink = (*T).M
	x := 5
	sink = &x
	sink = [3]int{}
	sink = struct{ x int }{1}
	sink = [...]*int{&x}
	sink = make(chan int)
	sink = make(map[int]int, n)
	sink = make([]int, n, 10)
	sink = func(a int) int { return a }(3)
	sink = -n
	sink = 'a'
	sink = 1.5
	sink = int64(n)
	sink = uint8(3)
	sink = b[n]
	sink = *t.p
	sink = S{}.q
	var e error
	sink = e.Error
	sink = fmt.Sprint
	sink = &[]int{1}
	sink = *(&n)
	sink = n == 3
	sink = []*T{}
	sink = [][]int{}
	sink = map[*T][]string{}
	sink = chan<- int(nil)
	sink = func(...int) {}
	sink = interface{ M() }(nil)
	sink = (*[4]int)(b2i(b))
	sink = t
	sink = &t.a
	sink = [2]int(b2i(b))
}
func b2i(b []byte) []int { return nil }
