// A local map of pointers to locals that never leaves.
package p

func localPtrs() int {
	a, b := 1, 2
	m := map[string]*int{"a": &a, "b": &b}
	return *m["a"] + *m["b"]
}
