// A select with a locally made channel.
package p

func wait(done chan bool) bool {
	timeout := make(chan bool, 1)
	timeout <- true
	select {
	case <-done:
		return true
	case <-timeout:
		return false
	}
}
