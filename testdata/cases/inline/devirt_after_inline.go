// Devirtualization exposed by inlining (the interleaved devirtualize-and-inline pass): the
// concrete type behind an interface is known only once a constructor, or a function taking
// the interface, is inlined; the call is then devirtualized, inlined in turn, and what it
// allocates stays on the stack.
package p

type Hash interface{ Sum() []byte }

type Cloner interface {
	Hash
	Clone() (Hash, error)
}

type sha struct{ state [8]byte }

func (s *sha) Sum() []byte { return make([]byte, 8) }

func (s *sha) Clone() (Hash, error) {
	c := *s
	return &c, nil
}

type md struct{ state [4]byte }

func (m *md) Sum() []byte { return make([]byte, 4) }

func newSha() Hash { return &sha{} }

func sum(h Hash) int { return len(h.Sum()) }

// The constructor's result, then a parameter of an inlined function.
func Constructed() int {
	h := newSha()
	return len(h.Sum()) + sum(h)
}

// Through a type assertion and a method returning two results.
func Cloned() int {
	h := newSha()
	if c, ok := h.(Cloner); ok {
		d, err := c.Clone()
		if err == nil {
			return len(d.Sum())
		}
	}
	return 0
}

// Two concrete types reach the variable: the call stays an interface call.
func Either(b bool) int {
	h := newSha()
	if b {
		h = &md{}
	}
	return len(h.Sum())
}
