package a

import "example.com/cycle/b"

var X = b.Y
