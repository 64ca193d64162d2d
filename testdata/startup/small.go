// A small file for `npm run bench:startup`: what one fresh `goesc -m -l small.go` costs
// beside `go tool compile -m -l small.go`. No imports, so gc needs no importcfg.
package small

type point struct{ x, y int }

var keep *point

func newPoint(x, y int) *point {
	return &point{x, y}
}

func store(p *point) {
	keep = p
}

func sum(ps []point) int {
	total := 0
	for _, p := range ps {
		total += p.x + p.y
	}
	return total
}

func local() int {
	p := point{1, 2}
	q := &p
	buf := make([]int, 8)
	buf[0] = q.x
	return buf[0] + sum([]point{p})
}

func escape() {
	v := 42
	store(&point{v, v})
	f := func() int { return v }
	_ = f()
}
