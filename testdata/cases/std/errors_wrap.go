// fmt.Errorf with %w.
package p

import "fmt"

func wrap(err error, op string) error {
	return fmt.Errorf("%s: %w", op, err)
}
