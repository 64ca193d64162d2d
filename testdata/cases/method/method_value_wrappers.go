// A method taken as a value gets a wrapper (`Enc.Encode-fm`): it holds the receiver in a
// hidden `.this` and calls the method with the wrapper's parameters, which -m=2 explains at
// the method's own parameters (std's for io.Reader's Read, where `.this` leaks too). The
// receiver type is the method's, by pointer when the value takes one (`pe.Encode` →
// Enc.Encode-fm, `e.Ptr` → (*Enc).Ptr-fm); a promoted method's is the embedded type's.
// With no receiver parameter, a blank parameter counts from ~p0.
package p

import "io"

type Enc struct{}

type EncFunc func(w io.Writer, v any) error

func (e Enc) Encode(w io.Writer, v any) error { sink = w; return nil }

func (e *Enc) Ptr(w io.Writer, v any) error { sink = v; return nil }

func (Enc) Skip(_ io.Writer, v any) error { sink = v; return nil }

type Outer struct{ *Enc }

var sink any

func register(f EncFunc) {}

func setup(e Enc, pe *Enc, o Outer, r io.Reader) {
	register(EncFunc(pe.Encode))
	register(e.Ptr)
	register(o.Ptr)
	_ = r.Read
	register(e.Skip)
}
