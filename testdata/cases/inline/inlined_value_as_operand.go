// An inlined call's value as an operand prints as gc prints its OINLCALL: the result
// variable, in parentheses (OINLCALL has no precedence).
package p

import "fmt"

func mod(c int) int { return c % 8 }

func code(c int) string {
	return fmt.Sprint(mod(c) + 30)
}
