// A return inside a range-over-func body names the function's unnamed results #rv1, #rv2
// (types2 RenameResult) at the start of each result's field: the package name of a qualified
// type, the name of an instantiated one, not the dot or the bracket.
package p

import (
	"iter"
	"strings"
)

type G[T any] struct{ v T }

func First(s string) strings.Builder {
	for p := range strings.SplitSeq(s, ";") {
		if p == "x" {
			var b strings.Builder
			sink(&b)
			return b
		}
	}
	return strings.Builder{}
}

func Pair(seq iter.Seq[int]) (*G[int], G[strings.Builder], []int) {
	for v := range seq {
		if v > 0 {
			return &G[int]{v}, G[strings.Builder]{}, nil
		}
	}
	return nil, G[strings.Builder]{}, nil
}

var keep any

func sink(x any) { keep = x }
