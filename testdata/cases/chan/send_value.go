// Sending a value copies it; the channel parameter does not escape.
package p

func sendVal(ch chan int, v int) {
	ch <- v
}
