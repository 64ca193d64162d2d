// Writing a local's address through a pointer parameter leaks it to the caller's storage.
package p

func fill(out **int) {
	v := 10
	*out = &v
}
