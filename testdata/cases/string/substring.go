// A substring shares the parameter's bytes and leaks it to the result.
package p

func prefix(s string) string {
	if len(s) > 3 {
		return s[:3]
	}
	return s
}
