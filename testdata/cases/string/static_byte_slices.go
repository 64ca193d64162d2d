// []byte of a constant string at package level is static data; a non-constant one, or one
// inside a map literal, is built by init.
package p

var header = []byte("HTTP/1.1 ")
var pair = struct{ b []byte }{[]byte("q")}
var nested = [][]byte{[]byte("zz")}
var byKey = map[string][]byte{"k": []byte("v")}
var name = "n"
var dynamic = []byte(name + "!")
