// fmt.Sprintf with a local value.
package p

import "fmt"

func label(id int) string {
	return fmt.Sprintf("id-%d", id)
}
