// Sending a pointer to a local on a channel moves the local.
package p

func sendAddr(ch chan *int) {
	v := 3
	ch <- &v
}
