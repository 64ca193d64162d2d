// fmt.Printf of a pointer to a local: the pointer leaks through the ...any slice.
package p

import "fmt"

func show() {
	x := 42
	fmt.Printf("%p %d\n", &x, x)
}
