// Decision table: a pointer stored as a value of a package-level map.
package p

var registry = map[string]*int{}

func register(name string) {
	v := len(name)
	registry[name] = &v
}
