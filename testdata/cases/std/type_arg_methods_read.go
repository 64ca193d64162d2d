package p

import (
	"database/sql"
	"reflect"
)

// A type argument is read whole, methods included: sql.Null[uint64]'s Scan and Value are
// instantiated (and analysed) here though no code calls them.
var T = reflect.TypeFor[sql.Null[uint64]]()

type Cup[T any] struct{ v T }

func (b *Cup[T]) Get() any { return any(b.v) }

func F() reflect.Type { return reflect.TypeFor[Cup[int]]() }
