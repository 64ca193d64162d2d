package p

import (
	"fmt"
	"unsafe"
)

type T struct{ a, b int; p *int }
type I interface{ M() }
type MyS string
type MyI int
const K MyI = 7
const KS MyS = "x"

func (t T) V() int { return t.a }
func (t *T) P() *int { return t.p }
func (t T) M() {}

var sink interface{}

func id(x interface{}) interface{} { return x }
func g() (int, string) { return 0, "" }

func f1(n int, s string, b []byte, t T, pt *T, i I, m map[string]int, c chan int, bs [][]byte) {
	sink = t.V()
	sink = pt.V()
	sink = fmt.Sprint(n)
	sink = fmt.Sprint()
	sink = new(int)
	sink = make(map[int]int, 10)
	sink = unsafe.String(&b[0], n)
	sink = min(n, 3)
	sink = append(b, 1)
	sink = append(b, s...)
	sink = copy(b, s)
	sink = K
	sink = KS
	sink = MyS("y")
	sink = m["a"]
	sink = <-c
	sink = pt.a
	sink = (*pt).b
	sink = id(n)
	sink = i.(T)
	sink = "very long string that is longer than seventy two characters, hopefully yes indeed"
	sink = "tab\tnl\n\"q\" é ☺"
	sink = 1e6
	sink = 1e-5
	sink = 3.0
	sink = 0.1
	sink = 100000.5
	sink = '\n'
	sink = complex(1, 2)
	sink = true
	sink = n > 3 && n < 10
	sink = -(-n)
	sink = &t
	sink = *&t
	sink = b[1:2:3]
	sink = s + s + s
	sink = (s + s)[1:]
	sink = len(s)
	sink = n * (n + 1)
	sink = n - (n - 1)
	sink = n - n - 1
	sink = unsafe.Pointer(pt)
	sink = uintptr(unsafe.Pointer(pt))
	sink = unsafe.StringData(s)
	sink = I(t)
	sink = fmt.Stringer(nil)
	sink = [2]string{s, s}
	sink = bs[0][1:]
	sink = func() int { return n }()
	sink = struct{}{}
	sink = struct{ T; X int "tag" }{}
	sink = map[struct{ a, b int }]func(int, ...string) (int, error){}
	sink = []interface{ M(); N() int }{}
	sink = []chan<- chan int{}
	sink = []chan (<-chan int){}
	sink = []any{}
	sink = []error{}
	sink = []byte{}
	sink = []rune{}
	sink = []int32{}
	sink = []uint8{}
	sink = []unsafe.Pointer{}
	x, y := g()
	sink = x
	sink = y
	sink = max(1.5, float64(n))
	sink = real(complex(float64(n), 1))
	sink = ^n
	sink = !(n > 3)
	sink = n &^ 3
	sink = n << 2 >> 1
	sink = new(n)
	sink = new(n+1)
}
