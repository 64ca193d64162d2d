package p
var x = map[string]int{"a": 1
