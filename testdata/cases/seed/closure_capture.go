// Decision table: a closure capturing a local and outliving the frame.
package p

func escapeByClosure() func() int {
	y := 100
	return func() int { return y }
}
