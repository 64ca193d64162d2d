package main

import (
	"fmt"

	"example.com/multi/inner"
)

func main() {
	n := 7
	inner.Keep(&n)
	words := inner.Map([]string{"a", "b"}, func(s string) string { return s + "!" })
	fmt.Println(inner.NewBox(1).V, words)
}
