// A struct that holds a map, created and returned.
package p

type cache struct {
	items map[string][]byte
}

func newCache() *cache {
	return &cache{items: make(map[string][]byte)}
}
