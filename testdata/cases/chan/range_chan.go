// Ranging over a channel.
package p

func drain(ch chan []byte) int {
	n := 0
	for b := range ch {
		n += len(b)
	}
	return n
}
