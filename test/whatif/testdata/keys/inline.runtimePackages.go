// whatif: --set inline.checkptr=true --set inline.runtimePackages=strings
// flips: - :9:26: inlining call to strings.HasPrefix
package p

import "strings"

// Under -checkptr, calls into the packages of inline.runtimePackages do not inline.
func isFlag(s string) bool {
	return strings.HasPrefix(s, "-")
}
