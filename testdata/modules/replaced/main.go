package main

import (
	"example.net/local"
	"github.com/ExampleOrg/greet"
)

func main() {
	println(local.Sum(1, 2), greet.New("replaced").Text)
}
