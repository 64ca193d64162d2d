// time.Duration methods are value methods on an int64.
package p

import "time"

func seconds(d time.Duration) float64 {
	return d.Seconds()
}
