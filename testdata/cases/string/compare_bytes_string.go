// Comparing string(b) with a constant.
package p

func isYes(b []byte) bool {
	return string(b) == "yes"
}
