package main

type shape interface{ Area() int }

type square struct{ side int }

func (s *square) Area() int { return s.side * s.side }

var unit = square{1}

func theShape() shape { return &unit }

// Initialised in the package's init, from this file: the call is inlined, and the method
// call on its result devirtualized and inlined, here.
var area = theShape().Area()
