// close does not make the channel escape.
package p

func shut(ch chan int) {
	close(ch)
}
