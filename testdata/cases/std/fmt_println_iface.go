// fmt.Println of an error, a string and an int: which arguments need boxing.
package p

import (
	"errors"
	"fmt"
)

func report(name string, n int) {
	err := errors.New("failed")
	fmt.Println(name, n, err)
}
