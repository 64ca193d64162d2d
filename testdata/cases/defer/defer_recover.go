// recover in a deferred closure that sets a named result.
package p

func safeDiv(a, b int) (q int, err any) {
	defer func() {
		err = recover()
	}()
	q = a / b
	return
}
