package main

import "github.com/ExampleOrg/greet"

func main() {
	println(greet.Len(greet.New("vendored")))
}
