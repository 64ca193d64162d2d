// String constants holding bytes that are not UTF-8: their length and gc's quoting.
package p

const magic = "\x89PNG\r\n\x1a\n"

var sink any

type hdr struct{ b [len(magic)]byte }

func f(b []byte) bool {
	sink = magic + string(b)
	return string(b[:len(magic)]) == magic
}

func g() { sink = "\xff\xfeé€😀" }
