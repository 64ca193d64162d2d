// Structs embedding bytes.Buffer, by pointer and by value: gc wraps every method of the
// method set, another package's unexported ones too (`B.bytes.readSlice`, named with the
// path), and -m=2 explains how their parameters leak. A pointer wrapper of a promoted
// pointer method calls it, not tail-calls it, when the method is inlinable (Peek, Next), and
// `return m()` of several results goes through temporaries (`return .autotmp_4, .autotmp_5`).
package p

import "bytes"

type B struct {
	*bytes.Buffer
	n int
}

type V struct {
	bytes.Buffer
}

func use(b B, v *V, s string) {
	b.WriteString(s)
	v.WriteString(s)
}
