// encoding/binary PutUint32 into a local array, and binary.Write to a bytes.Buffer.
package p

import (
	"bytes"
	"encoding/binary"
)

func header(n uint32) []byte {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], n)
	var buf bytes.Buffer
	binary.Write(&buf, binary.LittleEndian, n)
	return append(b[:], buf.Bytes()...)
}
