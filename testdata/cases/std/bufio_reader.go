// bufio.NewReader wrapping an io.Reader parameter, reading one line.
package p

import (
	"bufio"
	"io"
)

func firstLine(r io.Reader) (string, error) {
	br := bufio.NewReader(r)
	return br.ReadString('\n')
}
