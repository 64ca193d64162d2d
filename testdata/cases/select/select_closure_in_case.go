// A closure created in a select case body.
package p

func dispatch(ch chan int) func() int {
	select {
	case v := <-ch:
		return func() int { return v }
	default:
		return nil
	}
}
