// Values converted to an interface: fmt.Println's arguments.
package main

import "fmt"

type point struct{ x, y int }

func main() {
	p := point{1, 2}
	n := 42
	fmt.Println(p, n)
	s := fmt.Sprintf("%d", n)
	fmt.Println(s)
}
