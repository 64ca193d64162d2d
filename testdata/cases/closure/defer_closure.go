// A deferred closure at the top level of the function does not escape.
package p

func withDefer() (n int) {
	defer func() { n *= 2 }()
	n = 3
	return
}
