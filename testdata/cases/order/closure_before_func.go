// Output order: a package-level closure is analysed before the declared functions when
// no variable needs an init function (gc prints its line first).
package p

var New = func() any { return new(int) }

func f(p *int) *int { return p }

var sink any

func init() { sink = new(int) }

var Two = func() any { return new(string) }
