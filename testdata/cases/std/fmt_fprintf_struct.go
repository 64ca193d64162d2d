// fmt.Fprintf of a struct value to an io.Writer parameter.
package p

import (
	"fmt"
	"io"
)

type point struct{ x, y int }

func write(w io.Writer, px, py int) {
	pt := point{px, py}
	fmt.Fprintf(w, "%v\n", pt)
}
