// A two-value receive.
package p

func tryRecv(ch chan *int) (*int, bool) {
	v, ok := <-ch
	return v, ok
}
