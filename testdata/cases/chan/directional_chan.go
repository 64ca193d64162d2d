// Directional channel parameters.
package p

func pipe(in <-chan *int, out chan<- *int) {
	for p := range in {
		out <- p
	}
}
