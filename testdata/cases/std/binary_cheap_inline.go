// encoding/binary's byte-order methods count as cheap calls on amd64 (inl.go, issue 42958),
// so functions calling them stay inlinable.
package p

import "encoding/binary"

func endian(b []byte) uint64 {
	return binary.LittleEndian.Uint64(b) + binary.BigEndian.Uint64(b)
}

func appendBoth(b []byte) []byte {
	b = binary.LittleEndian.AppendUint32(b, 32)
	return binary.BigEndian.AppendUint16(b, 16)
}

func use(b []byte) uint64 {
	return endian(b)
}
