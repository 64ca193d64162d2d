// A defer inside a loop is heap-allocated per iteration (deferproc), so its closure escapes.
package p

func closeAll(fs []*int) {
	for _, f := range fs {
		defer func() { *f = 0 }()
	}
}
