// Writing to an io.Writer interface: the buffer leaks to the unknown method.
package p

import "io"

func emit(w io.Writer, n int) error {
	buf := make([]byte, n)
	_, err := w.Write(buf)
	return err
}
