package p

func small(a int) int { return a + 1 }

//gcassert:inline
func tiny(a int) int { return a * 2 }

//go:noinline
func opaque(a int) int { return a }

func calls(a int) int {
	b := small(a) //gcassert:inline
	c := tiny(b)
	//gcassert:inline
	d := opaque(c)
	return tiny(d)
}

type counter struct{ n int }

//goesc:inline
func (c *counter) inc() { c.n++ }

func count() int {
	var c counter
	c.inc()
	c.inc()
	return c.n
}
