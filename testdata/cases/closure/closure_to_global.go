// A closure stored in a package variable escapes.
package p

var hook func()

func install(msg string) {
	hook = func() { println(msg) }
}
