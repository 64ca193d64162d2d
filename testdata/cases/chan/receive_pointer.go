// Receiving a pointer and returning it.
package p

func recvPtr(ch chan *int) *int {
	return <-ch
}
