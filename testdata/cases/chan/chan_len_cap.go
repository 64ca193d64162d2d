// len and cap of a channel.
package p

func pending(ch chan int) int {
	return len(ch) + cap(ch)
}
