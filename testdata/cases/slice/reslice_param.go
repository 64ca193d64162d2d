// Reslicing a parameter and returning the result leaks it to the result.
package p

func tail(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s[1:]
}
