package p
var s = 1 @ 2
