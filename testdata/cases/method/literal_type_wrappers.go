// Unnamed struct and interface types get wrappers as named ones do (reader.go typIdx:
// every type the package reads, but for a named type's own underlying): a struct literal
// embedding sync.Mutex gets `(*struct { sync.Mutex; p.n int }).Lock`, unexported fields
// qualified by package path; an interface literal `interface { Len() int }.Len`. They are
// made in the order gc reads the types: the variables' initialisers, then each declaration
// (its signature, its fields), then the bodies, the last function first. A promoted method
// of a generic instance (Inner[int].Get through Outer) calls the instance's wrapper, which
// a pointer wrapper tail-calls, or returns inlined when inlining is on.
package p

import "sync"

type Inner[T any] struct{ v *T }

func (i *Inner[T]) Get() *T { return i.v }

type Outer struct {
	Inner[int]
	n int
}

func lenOf(x any) int {
	if l, ok := x.(interface{ Len() int }); ok {
		return l.Len()
	}
	return 0
}

type Holder struct {
	inner struct {
		sync.Mutex
		v int
	}
	cb interface{ Call() }
}

func capOf(x any) int {
	if l, ok := x.(interface{ Cap() int }); ok {
		return l.Cap()
	}
	var s struct{ sync.RWMutex }
	s.Lock()
	return 0
}

var state struct {
	sync.Mutex
	n int
}

func bump() {
	state.Lock()
	state.n++
	state.Unlock()
}

var closers = []interface{ Close() error }{}
