// A select over two channels in a loop.
package p

func multiplex(a, b chan int, quit chan struct{}) int {
	t := 0
	for {
		select {
		case v := <-a:
			t += v
		case v := <-b:
			t -= v
		case <-quit:
			return t
		}
	}
}
