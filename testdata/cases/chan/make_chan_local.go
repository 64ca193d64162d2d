// A channel used only within the function still needs the heap: make(chan) always allocates.
package p

func roundTrip(v int) int {
	ch := make(chan int, 1)
	ch <- v
	return <-ch
}
