package held

// Cell's value method gets its pointer wrapper in the package that reads Cell[*int] first,
// not in importers that read it again through Holder (gc's importedDef).
type Cell[T any] struct{ v T }

func (c Cell[T]) Get() T { return c.v }

// Holder mentions Cell[*int] in a non-generic declaration.
type Holder struct{ c Cell[*int] }

func (h *Holder) Value() *int { return h.c.Get() }

// Options spells an interface literal that an importer spells again.
type Options = struct {
	Finder interface{ Find(p *int) *int }
}

// Hist has small pointer methods, inlinable where held is built with the inliner.
type Hist struct{ b []*int }

func (h *Hist) Get() []*int {
	if h != nil {
		return h.b
	}
	return nil
}
