// errors.As with the address of a local pointer-typed target.
package p

import "errors"

type codeError struct{ code int }

func (e *codeError) Error() string { return "code" }

func codeOf(err error) int {
	var ce *codeError
	if errors.As(err, &ce) {
		return ce.code
	}
	return 0
}
