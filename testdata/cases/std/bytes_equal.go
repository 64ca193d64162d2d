// bytes.Equal between a slice parameter and a local array.
package p

import "bytes"

func isMagic(b []byte) bool {
	magic := [4]byte{0x7f, 'E', 'L', 'F'}
	return len(b) >= 4 && bytes.Equal(b[:4], magic[:])
}
