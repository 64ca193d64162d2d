// time.Now and time.Since measuring a callback.
package p

import "time"

func timed(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}
