// String conversions and concatenation.
package p

var sinkStr string
var sinkB []byte
var sinkR []rune

func concat(a, b, c string) { sinkStr = a + b + c }

func concat2(a string) { sinkStr = a + "!" }

func concatMany(a, b, c, d, e, f string) { sinkStr = a + b + c + d + e + f }

func concatLocal(a, b string) int { return len(a + b) }

func bytesToString(b []byte) { sinkStr = string(b) }

func stringToBytes(s string) { sinkB = []byte(s) }

func constToBytes() { sinkB = []byte("hello") }

func runes(s string) { sinkR = []rune(s) }

func fromRunes(r []rune) { sinkStr = string(r) }

func fromRune(r rune) { sinkStr = string(r) }

func cmpBytes(b []byte) bool { return string(b) == "x" }

func mapKey(m map[string]int, b []byte) int { return m[string(b)] }
