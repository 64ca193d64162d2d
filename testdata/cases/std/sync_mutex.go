// A sync.Mutex field locked through a pointer receiver.
package p

import "sync"

type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func use() int {
	var c counter
	c.inc()
	return c.n
}
