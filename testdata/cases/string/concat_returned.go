// Concatenation allocates a new string when the result escapes.
package p

func greet(name string) string {
	return "hello, " + name
}
