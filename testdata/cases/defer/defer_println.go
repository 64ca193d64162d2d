// Deferring println with values.
package p

func trace(name string, n int) {
	defer println("leave", name, n)
	println("enter", name)
}
