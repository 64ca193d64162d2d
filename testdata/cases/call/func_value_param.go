// Calling an unknown function value: its arguments leak.
package p

func call(f func(*int), v int) {
	f(&v)
}
