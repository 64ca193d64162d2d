// The result of an unknown function value is treated as escaping content.
package p

func produce(f func() *int) int {
	return *f()
}
