// Calling a pointer method on an addressable value takes its address implicitly.
package p

type counter struct{ n int }

func (c *counter) inc() { c.n++ }

func count() int {
	var c counter
	c.inc()
	return c.n
}
