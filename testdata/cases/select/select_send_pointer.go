// Sending a pointer in a select case.
package p

func trySend(ch chan *int) bool {
	v := 1
	select {
	case ch <- &v:
		return true
	default:
		return false
	}
}
