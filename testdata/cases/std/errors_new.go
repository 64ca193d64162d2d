// errors.New returns a heap-allocated error.
package p

import "errors"

func validate(n int) error {
	if n < 0 {
		return errors.New("negative")
	}
	return nil
}
