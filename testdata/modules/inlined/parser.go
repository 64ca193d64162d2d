package main

type Command struct {
	name string
	seen []string
}

func (c *Command) handler() func(v *string) bool {
	return func(v *string) bool {
		c.seen = append(c.seen, *v)
		return *v == c.name
	}
}

// Parser's promoted methods get wrappers, into which handler is inlined: the copies of its
// literal there are DUPOK, as the wrappers are, and print no parameter lines.
type Parser struct{ *Command }

func (p *Parser) Run(v string) bool { return p.handler()(&v) }

var parser = &Parser{&Command{name: "x"}}
