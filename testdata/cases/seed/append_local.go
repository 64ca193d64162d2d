// Decision table: appending a local value copies it; the value itself does not escape.
package p

func appendLocal(s []int) []int {
	local := 5
	s = append(s, local)
	return s
}
