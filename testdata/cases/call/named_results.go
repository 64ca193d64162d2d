// Named results assigned before a bare return.
package p

func pick(a, b *string, first bool) (out *string) {
	out = b
	if first {
		out = a
	}
	return
}
