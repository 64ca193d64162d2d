package wrappers

type Full interface {
	Base
	Other(p *int)
}

// A struct embedding Full gets wrappers too, at the same positions.
type Holder struct {
	Full
}

func Use(h Holder, x *int) *int {
	h.Other(x)
	return h.Do(x, 1)
}
