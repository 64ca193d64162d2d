// Decision table: a closure that is assigned to a variable but called only locally.
package p

func localClosure() int {
	local := 7
	var f func() = func() { _ = local }
	f()
	return local
}
