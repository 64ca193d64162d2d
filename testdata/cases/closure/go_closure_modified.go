// A goroutine that writes a captured variable forces it to the heap.
package p

func spawnWriter(done chan bool) {
	result := 0
	go func() {
		result = 1
		done <- true
	}()
	<-done
	_ = result
}
