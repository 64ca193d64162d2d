package main

import (
	"example.com/multi/asm"
	"example.com/multi/cgopkg"
	"example.com/multi/inner"
)

func main() {
	b := inner.NewBox(3)
	x := 4
	inner.Keep(&x)
	doubled := inner.Map([]int{1, 2}, func(v int) int { return v * 2 })
	println(b.V, len(doubled), asm.Add(1, 2), cgopkg.Twice(2), inner.Impl())
}
