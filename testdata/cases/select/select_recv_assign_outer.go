// A select receive assigned to a variable declared outside.
package p

func latest(ch chan *int) *int {
	var last *int
	for i := 0; i < 3; i++ {
		select {
		case last = <-ch:
		default:
		}
	}
	return last
}
