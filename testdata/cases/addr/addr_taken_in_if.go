// The address taken on one branch only is enough to move the variable.
package p

func maybe(flag bool) *int {
	v := 0
	if flag {
		return &v
	}
	return nil
}
