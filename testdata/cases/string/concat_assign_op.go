// s += x in a loop.
package p

func join(parts []string) string {
	s := ""
	for _, p := range parts {
		s += p
	}
	return s
}
