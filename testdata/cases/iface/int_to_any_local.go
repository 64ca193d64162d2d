// An int converted to an interface that does not escape is boxed on the stack.
package p

func describe(v any) bool { return v != nil }

func localBox(n int) bool {
	return describe(n)
}
