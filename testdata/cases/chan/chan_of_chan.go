// A channel of channels: the inner channel is sent and escapes.
package p

func request(reqs chan chan int) int {
	reply := make(chan int)
	reqs <- reply
	return <-reply
}
