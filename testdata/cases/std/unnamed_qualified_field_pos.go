// An unnamed parameter or result sits where its type's text begins, also when the type is
// qualified (`time.Duration`, not its `.`): the result variable a range-over-func body
// returns through (#rv1), and an interface method's unnamed parameter (-m=2, its wrapper).
package p

import (
	"strings"
	"time"
)

var kept func(string) bool

//go:noinline
func each(yield func(string) bool) {
	kept = yield
	yield("a")
}

func first() time.Duration {
	for p := range each {
		if p != "" {
			return time.Duration(len(p))
		}
	}
	return 0
}

type Sink interface {
	Put(strings.Builder, *strings.Reader)
}
