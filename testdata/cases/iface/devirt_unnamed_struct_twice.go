// Each unnamed struct type written out is a type of its own to gc: an interface variable
// assigned two such literals, identical as they are, has no one concrete type, and its
// method call stays an interface call.
package p

type Namer interface{ Name() string }

type base struct{}

func (base) Name() string { return "base" }

//go:noinline
func Twice() string {
	var n Namer = struct{ base }{}
	n = struct{ base }{}
	return n.Name()
}

//go:noinline
func Once() string {
	var n Namer = struct{ base }{}
	return n.Name()
}
