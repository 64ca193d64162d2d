// Element size times count: 1000 structs of 80 bytes = 80000 bytes, over the limit.
package p

type rec struct {
	a, b, c, d, e, f, g, h, i, j int64
}

func records() int {
	rs := make([]rec, 1000)
	small := make([]rec, 100)
	return len(rs) + len(small)
}
