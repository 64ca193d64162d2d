package cgopkg

// #include <stdlib.h>
import "C"

// Native is only built with cgo.
func Native() int { return int(C.abs(-1)) }
