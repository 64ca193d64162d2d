// sync.Once guarding a lazily built package-level table.
package p

import "sync"

var (
	once  sync.Once
	table map[string]int
)

func lookup(k string) int {
	once.Do(func() {
		table = map[string]int{"a": 1, "b": 2}
	})
	return table[k]
}
