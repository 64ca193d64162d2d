// bytes.Buffer written then read back through Bytes.
package p

import "bytes"

func frame(payload []byte) []byte {
	var buf bytes.Buffer
	buf.WriteByte(0x7e)
	buf.Write(payload)
	buf.WriteByte(0x7e)
	return buf.Bytes()
}
