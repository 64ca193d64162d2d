// whatif: --set inline.race=true --set inline.noRaceFuncPackages=strings
// flips: - :9:26: inlining call to strings.HasPrefix
package p

import "strings"

// Under -race, calls into the packages of inline.noRaceFuncPackages do not inline.
func isFlag(s string) bool {
	return strings.HasPrefix(s, "-")
}
