package main

import (
	"fmt"

	"example.org/absent/pkg"
)

func main() { fmt.Println(pkg.X) }
