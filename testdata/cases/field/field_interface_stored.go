// Storing a value into an interface field of a returned struct.
package p

type event struct {
	payload any
}

func newEvent(n int) event {
	return event{payload: n}
}
