package p
var x int y
