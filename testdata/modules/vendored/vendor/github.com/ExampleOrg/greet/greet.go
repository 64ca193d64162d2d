// Package greet builds greetings (older version).
package greet

// Greeting holds a message.
type Greeting struct{ Text string }

// New returns a heap-allocated greeting.
func New(name string) *Greeting { return &Greeting{Text: name} }

// Len does not keep its argument.
func Len(g *Greeting) int { return len(g.Text) }
