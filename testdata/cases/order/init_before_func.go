// Output order: the package's init function (here for a map literal) is analysed first,
// then the package-level closures, then the declared functions.
package p

var registry = map[string]*int{}

func register(name string) {
	v := len(name)
	registry[name] = &v
}

var New = func() any { return new(int) }

func keep(p *int) *int { return p }

var G = keep(new(int))
