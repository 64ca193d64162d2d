// new of 20 KiB: over the -smallframes implicit limit of 16 KiB.
package p

func midNew() byte {
	p := new([20 * 1024]byte)
	return p[0]
}
