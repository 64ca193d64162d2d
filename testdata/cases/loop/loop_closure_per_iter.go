// A closure created in each iteration and kept: per-iteration loop variables escape.
package p

func funcs(n int) []func() int {
	var fs []func() int
	for i := 0; i < n; i++ {
		fs = append(fs, func() int { return i })
	}
	return fs
}
