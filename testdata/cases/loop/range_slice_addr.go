// Taking the address of the range variable: per-iteration variables since Go 1.22.
package p

func addrs(xs []int) []*int {
	var out []*int
	for _, x := range xs {
		out = append(out, &x)
	}
	return out
}
