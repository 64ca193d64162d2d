// A String method whose result is built by concatenation.
package p

type user struct{ first, last string }

func (u user) String() string { return u.first + " " + u.last }

func greet(u user) string {
	return "hi " + u.String()
}
