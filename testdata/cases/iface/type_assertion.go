// A type assertion reads the value out of the interface; nothing new escapes.
package p

func asInt(v any) (int, bool) {
	n, ok := v.(int)
	return n, ok
}

func asPtr(v any) *int {
	p, _ := v.(*int)
	return p
}
