// Standard library calls: strings.Builder, a sync.Mutex, a map and append.
package main

import (
	"strings"
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) add(word string) {
	c.mu.Lock()
	c.n[word]++
	c.mu.Unlock()
}

func join(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(strings.ToUpper(w))
	}
	return b.String()
}

func main() {
	c := &counter{n: map[string]int{}}
	words := strings.Fields("heap or stack")
	for _, w := range words {
		c.add(w)
	}
	words = append(words, "done")
	_ = join(words)
}
