// Reading a scalar field through a pointer.
package p

type counter struct{ n int }

func value(c *counter) int {
	return c.n
}
