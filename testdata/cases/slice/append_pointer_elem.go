// Appending a pointer to a local into a slice that escapes moves the local.
package p

var all []*int

func addOne() {
	v := 1
	all = append(all, &v)
}
