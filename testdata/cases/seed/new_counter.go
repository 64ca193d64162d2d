// Decision table: the address of a local is referenced outside the function.
package p

func NewCounter() *int {
	x := 42
	return &x
}

func Use() int {
	c := NewCounter()
	*c++
	return *c
}
