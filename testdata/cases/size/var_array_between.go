// 100 KiB: over the implicit limit but under the explicit one, so a declared array stays.
package p

func between() byte {
	var buf [100 * 1024]byte
	buf[9] = 2
	return buf[9]
}
