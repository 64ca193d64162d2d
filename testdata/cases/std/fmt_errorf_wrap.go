// fmt.Errorf with %w wraps an error parameter; the result escapes to the caller.
package p

import "fmt"

func wrap(err error, name string) error {
	return fmt.Errorf("open %s: %w", name, err)
}
