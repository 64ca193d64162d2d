// gc inlines small std functions into the caller (strings.Builder's methods, errors.New,
// sync.Mutex's fast paths, bytes.NewBuffer) and analyses their bodies there: the callee's
// allocations print at the call site, its variables qualified by its package.
package p

import (
	"bytes"
	"errors"
	"strings"
	"sync"
)

func build() string {
	var b strings.Builder
	b.WriteString("hello")
	b.WriteByte('x')
	return b.String()
}

func fail() error {
	return errors.New("boom")
}

var mu sync.Mutex

func locked() int {
	mu.Lock()
	defer mu.Unlock()
	return 1
}

func length(p []byte) int {
	b := bytes.NewBuffer(p)
	return b.Len()
}

func fields(s string) []string {
	return strings.Fields(s)
}

var errSentinel = errors.New("sentinel")

func isSentinel(err error) bool {
	return err == errSentinel
}
