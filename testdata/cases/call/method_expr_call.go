// Calling through a function value obtained from a method expression.
package p

type counter struct{ n int }

func (c *counter) inc() { c.n++ }

func bump() int {
	var c counter
	f := (*counter).inc
	f(&c)
	return c.n
}
