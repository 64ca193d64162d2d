// strconv.AppendInt and FormatFloat into a local stack buffer.
package p

import "strconv"

func label(n int64, f float64) string {
	var buf [32]byte
	b := strconv.AppendInt(buf[:0], n, 10)
	b = append(b, ' ')
	return string(b) + strconv.FormatFloat(f, 'g', -1, 64)
}
