// A generic function over channels.
package p

func merge[T any](a, b <-chan T, out chan<- T) {
	for v := range a {
		out <- v
	}
	for v := range b {
		out <- v
	}
}

func useMerge(a, b chan *int, out chan *int) {
	merge(a, b, out)
}
