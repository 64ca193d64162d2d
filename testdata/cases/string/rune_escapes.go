// Rune literals written with byte escapes are runes 0..255; a constant table indexed with
// a masked value needs no bounds check.
package p

const invalid = '\xff'
const octal = '\377'

var table [256]byte

func lookup(c byte) byte {
	if table[c] == invalid || table[c&0x7f] == octal {
		return 0
	}
	return "0123456789abcdef"[c>>4]
}
