// A pointer error type returned as the error interface.
package p

type myErr struct{ code int }

func (e *myErr) Error() string { return "failed" }

func fail(code int) error {
	return &myErr{code: code}
}
