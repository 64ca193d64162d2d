// Line directives move the positions gc prints (file, line, and column when given),
// in -m lines and in the -m=2 notes; the analysis itself is unchanged.
package p

var sink any

func before(x int) *int {
	return &x
}

//line gen.y:100
func fromGrammar(s []byte) *[]byte {
	sink = s
	return &s
}

//line gen.y:200:5
func withColumn(n int) { y := n; sink = &y }

func nextLine(p *int) {
	sink = p
}

//line :300:7
func sameFile(q *int) { sink = q }

//line :400
func noName(r *int) { sink = r }

func inline(v int) { /*line other.rl:10:3*/ sink = &v }

func later(w int) {
	sink = &w
}
