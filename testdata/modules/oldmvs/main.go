package main

import (
	"example.net/util"
	"github.com/ExampleOrg/greet"
)

func main() {
	x := 1
	util.Keep(&x)
	println(greet.New(util.Join("a", "b")).Text)
}
