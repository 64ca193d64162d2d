package main

import "github.com/ExampleOrg/greet"

func main() {
	g := greet.New("deps")
	println(greet.Len(g))
}
