// unsafe.String and unsafe.StringData.
package p

import "unsafe"

func asString(b []byte) string {
	return unsafe.String(&b[0], len(b))
}

func data(s string) *byte {
	return unsafe.StringData(s)
}
