// A select send converts a value to an interface.
package p

func announce(ch chan any, n int) {
	select {
	case ch <- n:
	default:
	}
}
