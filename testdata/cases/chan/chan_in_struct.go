// A struct with a channel field, returned by pointer.
package p

type worker struct {
	in   chan int
	quit chan struct{}
}

func newWorker() *worker {
	return &worker{in: make(chan int, 8), quit: make(chan struct{})}
}
