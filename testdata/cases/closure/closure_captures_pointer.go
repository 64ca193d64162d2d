// A captured pointer leaks to the heap when the closure escapes.
package p

func watcher(p *int) func() int {
	return func() int { return *p }
}
