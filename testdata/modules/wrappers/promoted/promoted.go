package promoted

import "example.com/wrappers/held"

// Hist's pointer methods are promoted through a field of a struct of another package; held
// is built with the inliner on (the command does not name it), so Get has an inline body
// and (*Hist).Get calls it where a tail call would do otherwise: its parameters are
// analysed (-m=2).
type Hist struct {
	desc *int
	held.Hist
}

func New(p *int) *Hist { return &Hist{desc: p} }
