package main

import "example.com/b/lib"

func main() {
	s := lib.Pair(1, 2)
	println(len(s))
}
