// Sending a value in a select: the value is copied.
package p

func offer(ch chan [4]int, v [4]int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}
