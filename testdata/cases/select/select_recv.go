// Receiving in a select and returning the value.
package p

func tryRecv(ch chan *string) *string {
	select {
	case s := <-ch:
		return s
	default:
		return nil
	}
}
