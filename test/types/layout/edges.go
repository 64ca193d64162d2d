// Layout edge cases under gc's amd64 rules, checked against go/types by gotypes.test.ts
// and through `goesc types --json` by cli.test.ts.
package p

import "sync"

type TrailingZero struct {
	a int64
	z struct{}
}

type LeadingZero struct {
	z struct{}
	a int64
}

type OnlyZero struct {
	z [0]int
	e struct{}
}

type Packed struct {
	a byte
	b int16
	c byte
}

type Mixed struct {
	b  bool
	c  complex128
	s  string
	i  any
	sl []byte
	m  map[string]int
	ch chan int
	f  func()
	p  *Mixed
}

type Arr [3]int32

type ZeroArr [0]int64

type Nested struct {
	Packed
	x  [2]TrailingZero
	c6 complex64
}

type WithMutex struct {
	mu sync.Mutex
	n  int32
}

type Iface interface{ M() }

type Named int8

type Big [1 << 20]byte

type Generic[T any] struct{ v T }

type Alias = Mixed
