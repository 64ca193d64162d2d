// An empty select blocks forever; a goroutine before it keeps a value alive.
package p

func serve(n int) {
	go func() { println(n) }()
	select {}
}
