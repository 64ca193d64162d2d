// A pointer tested against nil only is not leaked.
package p

func isSet(p *string) bool {
	return p != nil
}

func probe() bool {
	s := "x"
	return isSet(&s)
}
