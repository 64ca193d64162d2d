package p

var s string = 1

var b byte = 300
