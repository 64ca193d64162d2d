// os.Open, fmt.Errorf's %w, sync.Pool and a maps.Keys iterator in one program: at -m=2 gc
// instantiates the methods of atomic.Pointer[os.dirInfo], reached through os.Open's *File
// result (gc reads a type whole), beside sync.Pool's atomic.Pointer[poolChainElt].
package p

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"sync"
)

var pool = sync.Pool{New: func() any { return new([64]byte) }}

func readFirst(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	buf := pool.Get().(*[64]byte)
	defer pool.Put(buf)
	n, err := f.Read(buf[:])
	return append([]byte(nil), buf[:n]...), err
}

var sink any

func keep(err error) { sink = err }

func keys(m map[string]int) []string {
	var out []string
	for k := range maps.Keys(m) {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
