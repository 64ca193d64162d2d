package dep

// Sink's method is declared in another package than the struct that embeds Sink.
type Sink interface {
	Put(p *int)
}

// Box's method is promoted through a struct of another package.
type Box struct{ p *int }

func (b *Box) Set(p *int) { b.p = p }
