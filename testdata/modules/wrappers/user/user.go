package user

import "example.com/wrappers/held"

var sink *int

// Cell[*int] is read here too, and through held.Holder: its wrappers are held's.
func Use(h *held.Holder) {
	var c held.Cell[*int]
	sink = c.Get()
	sink = h.Value()
}

// The same literal as held.Options's field: its wrappers are held's too.
type Local struct {
	Finder interface{ Find(p *int) *int }
}

func Find(o held.Options, l Local, p *int) *int {
	if o.Finder != nil {
		return o.Finder.Find(p)
	}
	return l.Finder.Find(p)
}
