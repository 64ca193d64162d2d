package p

// The shaped methods that the package-level initialisers instantiate are read before any
// function body (gc's todoDicts are drained first), then the bodies' ones, last function first.

type Box[T any] struct{ v T }

func (b *Box[T]) Get() any { return any(b.v) }

type Cup[T any] struct{ v T }

func (b *Cup[T]) Get() any { return any(b.v) }

type Pan[T any] struct{ v T }

func (b *Pan[T]) Get() any { return any(b.v) }

func (b Pan[T]) Put(v T) { b.v = v }

func id[T any]() int { return 0 }

var X = id[Cup[uint64]]()

var Y = id[Box[uint64]]()

func F() int { return id[Box[int]]() }

func G() int { return id[Pan[string]]() }
