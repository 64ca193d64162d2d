// Sending a slice leaks its backing array.
package p

func sendBatch(ch chan []int, n int) {
	batch := make([]int, n)
	ch <- batch
}
