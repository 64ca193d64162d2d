// panic with an error value built on the spot.
package p

type problem struct{ what string }

func (p problem) Error() string { return p.what }

func boom(what string) {
	panic(problem{what})
}
