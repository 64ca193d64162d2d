// Go 1.22 loop variables captured by closures: a per-iteration copy counts as a reassignment
// unless the variable's first capture is at the loop's own depth, so a closure inside a
// nested loop captures the outer loop's variable by reference (moved to heap), while one in
// the loop's body, even after a reassignment there, captures it by value.
package p

var sink []func() int

func C1(n int) {
	for i := 0; i < n; i++ {
		sink = append(sink, func() int { return i })
	}
}

func C2(n int, names []string) {
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			sink = append(sink, func() int { return i + j })
		}
	}
}

func C3(n int) {
	for i := 0; i < n; i++ {
		i++
		sink = append(sink, func() int { return i })
	}
}

func R1(paths []string) {
	for _, p := range paths {
		p = p + "x"
		sink = append(sink, func() int { return len(p) })
	}
}

func R2(paths []string) {
	for _, p := range paths {
		sink = append(sink, func() int { return len(p) })
		p = ""
	}
}

func R3(paths [][]string) {
	for _, p := range paths {
		for range p {
			sink = append(sink, func() int { return len(p) })
		}
		sink = append(sink, func() int { return len(p) })
	}
}
