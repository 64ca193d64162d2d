package p
var s = "ÿ"
