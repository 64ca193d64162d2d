package b

import "example.com/cycle/a"

var Y = 1

var _ = a.X
