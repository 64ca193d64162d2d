// A sync.Map reached only through a method's receiver type: reading the function reads
// its signature, and with it internal/sync.HashTrieMap[any, any], whose methods gc
// instantiates here (expvar's Map is such a type).
package p

import "sync"

type Registry struct {
	m    sync.Map
	name string
}

func (r *Registry) Name() string { return r.name }
