// A pointer parameter sent on a channel leaks.
package p

func forward(ch chan *string, s *string) {
	ch <- s
}
