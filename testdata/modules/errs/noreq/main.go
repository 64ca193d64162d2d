package main

import "example.org/nowhere"

func main() { nowhere.F() }
