// A returned channel.
package p

func source() chan string {
	return make(chan string)
}
