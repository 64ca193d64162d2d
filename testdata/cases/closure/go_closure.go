// A closure started as a goroutine escapes with its captures.
package p

func spawn(ch chan int) {
	v := 42
	go func() { ch <- v }()
}
