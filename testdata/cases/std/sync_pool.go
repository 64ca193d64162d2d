// sync.Pool handing out *[]byte buffers.
package p

import "sync"

var pool = sync.Pool{New: func() any {
	b := make([]byte, 0, 1024)
	return &b
}}

func withBuffer(f func([]byte)) {
	bp := pool.Get().(*[]byte)
	f((*bp)[:0])
	pool.Put(bp)
}
