// A literal slice of struct pointers.
package p

type kv struct {
	k string
	v int
}

func table() []*kv {
	return []*kv{{"a", 1}, {"b", 2}}
}
