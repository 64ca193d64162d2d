// fmt.Println's ...any arguments escape.
package p

import "fmt"

func show(n int, s string) {
	fmt.Println(n, s)
}
