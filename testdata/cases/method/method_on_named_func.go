// A method on a named func type calls the receiver.
package p

type handler func(int) int

func (h handler) call(v int) int { return h(v) }

func run() int {
	h := handler(func(v int) int { return v + 1 })
	return h.call(1)
}
