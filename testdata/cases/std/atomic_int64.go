// atomic.Int64 inside a local struct, updated from a go closure.
package p

import "sync/atomic"

type stats struct {
	hits atomic.Int64
}

func count(done chan struct{}) int64 {
	var s stats
	go func() {
		s.hits.Add(1)
		close(done)
	}()
	<-done
	return s.hits.Load()
}
