// Sending to a chan of interfaces converts the value.
package p

func emit(ch chan any, n int) {
	ch <- n
}
