// Comparing an interface with a value converts the value; no escape.
package p

func isFive(v any) bool {
	n := 5
	return v == any(n)
}
