// Returning the address of a parameter moves the parameter.
package p

func addrOfParam(v int) *int {
	return &v
}
