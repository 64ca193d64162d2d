// time.NewTimer stopped with defer, selected against a channel parameter.
package p

import "time"

func waitFor(ch <-chan int, d time.Duration) (int, bool) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case v := <-ch:
		return v, true
	case <-t.C:
		return 0, false
	}
}
