// Go 1.26 IsDirectIface: one pointer word, so struct{ empty; *T } is pointer-shaped but
// struct{ *T; empty } (padded to two words) is not.
package p

type empty struct{}
type F struct{ x int }
type w struct {
	empty
	*F
}
type w2 struct {
	*F
	empty
}

var sink any

func a(f *F) { sink = w{F: f} }
func b(f *F) { sink = w2{F: f} }
