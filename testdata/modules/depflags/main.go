// The go command compiles the packages a build does not name with its default flags:
// `go build -gcflags=.=-m -l .` analyses inner with inlining on, so x stays on the stack.
package main

import "example.com/depflags/inner"

func main() {
	x := new(int)
	inner.Use(x)
}
