// maps.Clone of a map parameter, and maps.Keys collected with slices.Collect.
package p

import (
	"maps"
	"slices"
)

func snapshot(m map[string]int) (map[string]int, []string) {
	c := maps.Clone(m)
	keys := slices.Collect(maps.Keys(m))
	return c, keys
}
