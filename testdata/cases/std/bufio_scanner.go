// bufio.Scanner over strings.NewReader counting lines.
package p

import (
	"bufio"
	"strings"
)

func lines(text string) int {
	sc := bufio.NewScanner(strings.NewReader(text))
	n := 0
	for sc.Scan() {
		n++
	}
	return n
}
