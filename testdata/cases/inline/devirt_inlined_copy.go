// A call the front end devirtualized is an interface call again in each inlined copy of its
// function (gc inlines the body CanInline saved): each copy prints its own
// `devirtualizing` line, at the call site of the copy.
package p

type Shape interface{ Area() int }

type square int

func (s square) Area() int { return int(s) * int(s) }

func Unit() int {
	var s Shape = square(1)
	return s.Area()
}

func Two() int { return Unit() + Unit() }
