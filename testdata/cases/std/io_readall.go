// io.ReadAll and io.Copy between a reader and a writer.
package p

import (
	"io"
	"strings"
)

func slurp(s string) ([]byte, error) {
	return io.ReadAll(strings.NewReader(s))
}

func pipe(dst io.Writer, src io.Reader) (int64, error) {
	return io.Copy(dst, src)
}
