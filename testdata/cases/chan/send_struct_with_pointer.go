// Sending a struct that holds a pointer leaks the pointee.
package p

type msg struct {
	body *string
}

func post(ch chan msg) {
	s := "hi"
	ch <- msg{body: &s}
}
