// Map values that are pointers to locals: the locals escape into the map.
package p

func pointers(m map[string]*int) {
	v := 1
	m["v"] = &v
}
