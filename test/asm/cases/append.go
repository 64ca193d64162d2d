// append: growslice wherever elements are added.
package p

var sinkS []int

func appendLoop(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

func appendLocal(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return len(s)
}

func appendSpread(a, b []int) { sinkS = append(a, b...) }

func appendNothing(a []int) { sinkS = append(a) }

func appendBytes(b []byte, s string) []byte { return append(b, s...) }
