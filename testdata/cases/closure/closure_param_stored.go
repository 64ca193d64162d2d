// A closure passed to a function that keeps it escapes.
package p

var handlers []func()

func register(f func()) {
	handlers = append(handlers, f)
}

func setup(name string) {
	register(func() { println(name) })
}
