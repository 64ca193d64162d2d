package wrappers

import "example.com/wrappers/dep"

// An interface of another package embedded in a struct and in an interface: their
// wrappers' parameters are where that package declares them, named as its own (`dep.p`).
type Both struct {
	dep.Sink
}

type Sinks interface {
	dep.Sink
}

// A concrete method of another package, promoted.
type HasBox struct {
	*dep.Box
}
