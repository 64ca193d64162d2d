// Deferring a builtin: close of a channel.
package p

func produce(ch chan int) {
	defer close(ch)
	ch <- 1
}
