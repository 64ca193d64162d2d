// Decision table: maps and channels whose storage outlives the call.
package p

func newIndex() map[string]int {
	return make(map[string]int, 100)
}

func newQueue() chan int {
	return make(chan int, 16)
}
