// A method value taken from an interface.
package p

type runner interface{ run() int }

func bind(r runner) func() int {
	return r.run
}
