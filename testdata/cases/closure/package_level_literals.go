// Package-level func literals: the ones laid out statically (capturing nothing, in a plain
// var or a struct literal) are still compiled and analysed, as init.funcN.
package p

var sink *int

var handler = func(x *int) *int { y := 3; sink = &y; return x }

type pool struct{ New func() any }

var buffers = pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

var table = map[string]func(int) *int{
	"a": func(i int) *int { return &i },
}

var direct = func() int { z := 4; sink = &z; return z }()

func use() { _ = handler; _ = table; _ = buffers }
