// A deferred closure inside a loop runs later than its iteration, so it escapes.
package p

func loopDefer(n int) (total int) {
	for i := 0; i < n; i++ {
		defer func() { total += i }()
	}
	return
}
