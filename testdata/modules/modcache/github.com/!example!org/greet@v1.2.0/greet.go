// Package greet builds greetings.
package greet

import "example.net/util"

// Greeting holds a message.
type Greeting struct{ Text string }

// New returns a heap-allocated greeting.
func New(name string) *Greeting {
	return &Greeting{Text: util.Join("hello", name)}
}

// Len does not keep its argument.
func Len(g *Greeting) int { return len(g.Text) }
