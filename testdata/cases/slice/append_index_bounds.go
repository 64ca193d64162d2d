// Indexes in appended values: walkAppend makes each value safe before walking it, so an
// index that is a name, constant, field or index itself keeps its shape (M[e]: elided,
// e is a byte), while any other index is first copied to a temporary and bounded sees
// only its type (hex[v>>4]: not elided; M[e+1]: elided, the temporary is a byte).
package p

var M = [256]byte{}
var T [16]byte

const hex = "0123456789abcdef"

type S struct {
	arr [4]int
	i   uint8
}

func f(out []byte, e byte, v byte, s *S, k uint) []byte {
	out = append(out, M[e], hex[v>>4], hex[v&0xf], T[v&15], M[e+1], T[k%16])
	out = append(out, byte(s.arr[k&3]), byte(s.arr[s.i&3]), M[s.i], byte(len(M[:e&7])))
	out = append(out, M[e]^M[v>>1], byte(k))
	x := T[v&15]
	return append(out, x)
}
